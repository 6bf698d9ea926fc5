import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Select, Spin } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { MonthGridRow } from '../../../electron/api-spec';
import { parseWeek } from '../../../db/model/weeks';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { InvestmentGrid } from './investment-grid';
import { MonthClosingBar } from './month-closing-bar';
import { savedAmountText, useMonthDrafts } from './investment-drafts';
import { cellKey, firstFutureMonth, gridTotals, MONTHS } from './investment-model';
import './investment.css';

const collator = new Intl.Collator('zh-Hans-CN');

function matches(row: MonthGridRow, search: string, lead: string | undefined): boolean {
  if (lead !== undefined && row.chainLead !== lead) return false;
  if (!search) return true;
  return row.name.includes(search) || row.code.toLowerCase().includes(search.toLowerCase());
}

function withSaved(rows: MonthGridRow[], saved: ReadonlyMap<string, number | null>): MonthGridRow[] {
  if (saved.size === 0) return rows;
  return rows.map((row) => {
    const keys = MONTHS.map((m) => cellKey(row.projectId, m));
    if (!keys.some((k) => saved.has(k))) return row;
    return { ...row, months: row.months.map((v, i) => (saved.has(keys[i]) ? (saved.get(keys[i]) ?? null) : v)) };
  });
}

const clock = (date: Date) =>
  `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

/** 月度投资: each started project's completed investment per month, typed like a spreadsheet. */
export function InvestmentTab({ week }: { week: string }) {
  const { status } = useAppStatus();
  // Figures for a month come in after it ends, so the grid follows the plan year rather than the week
  // (in early January the clerk is still entering December of the plan year).
  const [year, setYear] = useState(status.planYear);
  const weekYear = parseWeek(week)?.year;
  const years = useMemo(
    () => [...new Set([status.planYear - 1, status.planYear, weekYear ?? status.planYear])].sort((a, b) => b - a),
    [status.planYear, weekYear],
  );
  const [search, setSearch] = useState('');
  const [lead, setLead] = useState<string | undefined>();
  // a fresh grid per year: typed text of one year never shows in another
  return (
    <YearGrid
      key={year}
      year={year}
      years={years}
      onYear={setYear}
      search={search}
      onSearch={setSearch}
      lead={lead}
      onLead={setLead}
    />
  );
}

interface YearGridProps {
  year: number;
  years: number[];
  onYear(year: number): void;
  search: string;
  onSearch(text: string): void;
  lead: string | undefined;
  onLead(lead: string | undefined): void;
}

function YearGrid({ year, years, onYear, search, onSearch, lead, onLead }: YearGridProps) {
  const { status } = useAppStatus();
  const grid = useApi('investment.grid', { year });
  // amounts saved since the grid was read, laid over it (projectId:month → yuan)
  const [savedAmounts, setSavedAmounts] = useState<ReadonlyMap<string, number | null>>(new Map());
  const rows = useMemo(() => withSaved(grid.data ?? [], savedAmounts), [grid.data, savedAmounts]);
  const onSaved = useCallback((projectId: number, month: number, yuan: number | null) => {
    setSavedAmounts((old) => new Map(old).set(cellKey(projectId, month), yuan));
  }, []);
  const editor = useMonthDrafts(year, onSaved);

  const leads = useMemo(
    () => [...new Set(rows.map((r) => r.chainLead).filter(Boolean))].sort(collator.compare),
    [rows],
  );
  const shown = useMemo(() => rows.filter((r) => matches(r, search.trim(), lead)), [rows, search, lead]);
  const totals = gridTotals(shown, editor.drafts);

  const thisYear = Number(status.today.slice(0, 4));
  const currentMonth = year === thisYear ? Number(status.today.slice(5, 7)) : null;
  const errors = [...editor.drafts.values()].filter((d) => d.error).length;
  const saving = [...editor.drafts.values()].some((d) => d.saving);

  if (grid.error && !grid.data) {
    return (
      <Alert
        type="error"
        showIcon
        title="无法读取月度投资"
        description={grid.error.message}
        action={<Button onClick={() => void grid.reload()}>重试</Button>}
      />
    );
  }

  return (
    <div className="zd-page">
      <div className="zd-toolbar">
        <Select
          aria-label="年度"
          style={{ width: 92 }}
          value={year}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={onYear}
        />
        <Input
          allowClear
          className="inv-search"
          prefix={<SearchOutlined />}
          placeholder="项目名称或编号"
          aria-label="查找项目"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
        />
        <Select
          allowClear
          showSearch
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
          placeholder="全部链长"
          aria-label="链长"
          value={lead}
          options={leads.map((l) => ({ value: l, label: l }))}
          onChange={onLead}
        />
        <span className="inv-facts zd-secondary">
          <MonthClosingBar year={year} />
          <span className="inv-sep">|</span>
          <span>单位：万元</span>
        </span>
        <span className="zd-gap" />
        <span className="zd-ellipsis zd-small zd-muted" role="status">
          {errors > 0 ? (
            <span className="zd-text-red">{errors}格未保存，请按提示改正或按 Esc 还原</span>
          ) : saving ? (
            '正在保存…'
          ) : editor.lastSave ? (
            <span className="zd-text-green">
              已保存 {editor.lastSave.projectName} {editor.lastSave.month}月 {savedAmountText(editor.lastSave.yuan)}（
              {clock(editor.lastSave.at)}）
            </span>
          ) : (
            <span className="zd-hint">Tab 左右移动，回车下移，Esc 还原；离开单元格即保存</span>
          )}
        </span>
      </div>
      {grid.loading && !grid.data ? (
        <div className="zd-grid-blank">
          <Spin description="正在读取月度投资…" />
        </div>
      ) : (
        <InvestmentGrid
          rows={shown}
          totals={totals}
          editor={editor}
          firstFutureMonth={firstFutureMonth(year, status.today)}
          currentMonth={currentMonth}
          empty={
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={rows.length ? '没有符合条件的项目' : `${year}年没有已开工的项目`}
            />
          }
        />
      )}
    </div>
  );
}
