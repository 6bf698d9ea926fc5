import { Alert, Button, Select, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import {
  FUND_SOURCE_LABELS,
  LAND_STATUS_LABELS,
  SHORTFALL_KIND_LABELS,
  SHORTFALL_KINDS,
  type FundSource,
  type ShortfallKind,
  type ShortfallRow,
  type Shortfalls,
} from '../../../db/model/factors';
import { formatWan } from '../../../db/model/money';
import { useAppStatus } from '../../app/app-status';
import { useMayCall } from '../../app/session/session';
import { ProblemDrawer } from '../../components/problem/ProblemDrawer';
import { RaiseProblemDialog } from '../../components/RaiseProblemDialog';
import { useApi } from '../../hooks/use-api';
import { ExcelExportButton } from '../../ui/ExcelExportButton';
import { exportExcel } from '../../ui/export-excel';
import { StageTag } from '../../ui/StageTag';
import { amountText } from './factor-amounts';
import './factors.css';

const isKind = (tab: string | undefined): tab is ShortfallKind => SHORTFALL_KINDS.some((k) => k === tab);
const pathOf = (kind: ShortfallKind) => (kind === 'land' ? '/factors' : `/factors/${kind}`);

const HEADS: Record<ShortfallKind, { need: string; have: string; detail: string }> = {
  land: { need: '需求', have: '已供', detail: '报批状态' },
  funds: { need: '计划', have: '到位', detail: '未到位的来源（万元）' },
  energy: { need: '需求指标', have: '已批指标', detail: '' },
};

const NOTES: Record<ShortfallKind, string> = {
  land: '需求亩数大于已供亩数的项目，缺口 = 需求 − 已供（已供未填按0计）。已竣工项目不列。',
  funds:
    '所选年度计划资金大于到位资金的项目，逐个来源比较：某一来源多到位的不抵其他来源的缺口，所以缺口合计可能大于计划减到位。已竣工项目不列。',
  energy: '用能指标需求大于已批的项目，缺口 = 需求 − 已批（已批未填按0计）。已竣工项目不列。',
};

const YEARS_BACK = 3;

/** the sources as a narrow cell names them; the full names are in its tooltip and in the summary above */
const SHORT_SOURCE: Record<FundSource, string> = {
  central: '中央',
  special_bond: '专项债',
  bank_loan: '贷款',
  self_raised: '自筹',
  other: '其他',
};

/** #/factors — 要素保障: the projects short of land, of the year's funds, or of energy, each a tab. */
export function FactorsPage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  const { status } = useAppStatus();
  const kind: ShortfallKind = isKind(tab) ? tab : 'land';
  const [year, setYear] = useState(status.planYear);
  const land = useApi('factors.shortfalls', { kind: 'land' });
  const funds = useApi('factors.shortfalls', { kind: 'funds', year });
  const energy = useApi('factors.shortfalls', { kind: 'energy' });
  const lists = { land, funds, energy };
  const shown = lists[kind];
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => status.planYear - i);
  const reload = async () => {
    await Promise.all([land.reload(), funds.reload(), energy.reload()]);
  };
  return (
    <div className="zd-page">
      <div className="fs-header">
        <h1 className="zd-page-title">要素保障</h1>
        <Tabs
          className="fs-tabs"
          styles={{ header: { marginBottom: 0 }, item: { padding: '8px 0' } }}
          activeKey={kind}
          onChange={(key) => navigate(pathOf(key as ShortfallKind))}
          items={SHORTFALL_KINDS.map((k) => ({
            key: k,
            label: (
              <span>
                {SHORTFALL_KIND_LABELS[k]}
                {lists[k].data && <span className="fs-tab-count">{lists[k].data.total.count}</span>}
              </span>
            ),
          }))}
        />
        {kind === 'funds' && (
          <Select
            aria-label="资金年度"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}年资金` }))}
            style={{ width: 112 }}
          />
        )}
        <ExcelExportButton
          noun="项目"
          disabled={!shown.data}
          onExport={() => exportExcel('factors.export', kind === 'funds' ? { kind, year } : { kind })}
        />
        <Button onClick={() => void reload()} loading={shown.loading}>
          刷新
        </Button>
      </div>
      <div className="zd-stack fs-body" role="tabpanel" aria-label={SHORTFALL_KIND_LABELS[kind]}>
        {shown.error && !shown.data ? (
          <Alert type="error" showIcon title="缺口清单读取失败" description={shown.error.message} />
        ) : !shown.data ? (
          <Spin description="正在汇总…">
            <div className="zd-loading-box" />
          </Spin>
        ) : (
          <ShortfallList list={shown.data} onChanged={() => void reload()} />
        )}
      </div>
    </div>
  );
}

function Summary({ list }: { list: Shortfalls }) {
  const { total, unit } = list;
  const scope = list.kind === 'funds' ? `${list.year}年` : '';
  return (
    <div className="fs-summary">
      <span>
        {scope}
        {SHORTFALL_KIND_LABELS[list.kind]} <b className="num">{total.count}</b> 个
      </span>
      {total.count > 0 && (
        <>
          <span>
            {HEADS[list.kind].need}合计 <span className="num">{amountText(list.kind, total.need)}</span>
            {unit}
          </span>
          <span>
            {HEADS[list.kind].have}合计 <span className="num">{amountText(list.kind, total.have)}</span>
            {unit}
          </span>
          <span>
            缺口合计 <b className="num zd-text-red">{amountText(list.kind, total.gap)}</b>
            {unit}
          </span>
        </>
      )}
      {list.kind === 'funds' && total.count > 0 && (
        <span className="fs-by-source zd-muted">
          按来源：
          {list.bySource
            .filter((s) => s.gapYuan > 0)
            .map((s) => `${FUND_SOURCE_LABELS[s.source]} ${formatWan(s.gapYuan)}`)
            .join('；')}
        </span>
      )}
    </div>
  );
}

function Detail({ row, kind }: { row: ShortfallRow; kind: ShortfallKind }) {
  if (kind === 'land') return <>{row.landStatus ? LAND_STATUS_LABELS[row.landStatus] : ''}</>;
  if (kind === 'energy') return null;
  const full = row.sources.map((g) => `${FUND_SOURCE_LABELS[g.source]} ${formatWan(g.gapYuan)}万元`).join('；');
  return (
    <div className="fs-source" title={full}>
      {row.sources.map((g) => `${SHORT_SOURCE[g.source]} ${formatWan(g.gapYuan)}`).join('；')}
    </div>
  );
}

/** “需求（亩）” on one line; 吨标准煤 is too long for a figure's column and goes on a line of its own. */
function FigureHead({ label, unit }: { label: string; unit: string }) {
  if (unit.length <= 2) return <>{`${label}（${unit}）`}</>;
  return (
    <>
      {label}
      <div className="fs-head-unit">（{unit}）</div>
    </>
  );
}

function ShortfallList({ list, onChanged }: { list: Shortfalls; onChanged(): void }) {
  const mayCall = useMayCall();
  const [raising, setRaising] = useState<ShortfallRow | null>(null);
  const [openProblem, setOpenProblem] = useState<number | null>(null);
  const { kind, unit } = list;
  const heads = HEADS[kind];
  const withDetail = heads.detail !== '';
  return (
    <>
      <Summary list={list} />
      {list.rows.length === 0 ? (
        <div className="pd-empty zd-faint fs-empty">
          没有{SHORTFALL_KIND_LABELS[kind]}。在项目页的“要素保障”中填写需求和落实情况后，有缺口的项目列在这里。
        </div>
      ) : (
        <table className="zd-table zd-table-hover fs-table" aria-label={SHORTFALL_KIND_LABELS[kind]}>
          <colgroup>
            <col style={{ width: 40 }} />
            <col style={{ width: 96 }} />
            <col />
            <col style={{ width: 56 }} />
            <col style={{ width: 124 }} />
            <col style={{ width: 124 }} />
            <col style={{ width: kind === 'funds' ? 84 : 92 }} />
            <col style={{ width: kind === 'funds' ? 84 : 92 }} />
            <col style={{ width: kind === 'funds' ? 84 : 92 }} />
            {withDetail && <col style={{ width: kind === 'funds' ? 188 : 64 }} />}
            <col style={{ width: 92 }} />
          </colgroup>
          <thead>
            <tr>
              <th className="num">序号</th>
              <th>项目编号</th>
              <th>项目名称</th>
              <th>阶段</th>
              <th>牵头单位</th>
              <th>链长</th>
              <th className="num">
                <FigureHead label={heads.need} unit={unit} />
              </th>
              <th className="num">
                <FigureHead label={heads.have} unit={unit} />
              </th>
              <th className="num">
                <FigureHead label="缺口" unit={unit} />
              </th>
              {withDetail && <th>{heads.detail}</th>}
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row, i) => (
              <tr key={row.projectId} aria-label={row.name}>
                <td className="num">{i + 1}</td>
                <td className="num zd-nowrap">{row.code}</td>
                <td className="fs-name" title={row.name}>
                  <Link href={`/projects/${row.projectId}`}>{row.name}</Link>
                </td>
                <td>
                  <StageTag stage={row.stage} compact />
                </td>
                <td className="fs-clip" title={row.leadUnitName ?? ''}>
                  {row.leadUnitName ?? <span className="zd-hint">未指定</span>}
                </td>
                <td className="fs-clip" title={row.chainLead}>
                  {row.chainLead}
                </td>
                <td className="num">{amountText(kind, row.need)}</td>
                <td className="num">{amountText(kind, row.have)}</td>
                <td className="num zd-text-red">{amountText(kind, row.gap)}</td>
                {withDetail && (
                  <td className="fs-detail">
                    <Detail row={row} kind={kind} />
                  </td>
                )}
                <td className="zd-nowrap">
                  {row.raised.length > 0 ? (
                    row.raised.map((p) => (
                      <a
                        key={p.id}
                        className="fs-raised"
                        title="已转为问题，点击查看"
                        href={`#/problems`}
                        onClick={(event) => {
                          event.preventDefault();
                          setOpenProblem(p.id);
                        }}
                      >
                        {p.code}
                      </a>
                    ))
                  ) : mayCall('problems.create') ? (
                    <Button size="small" onClick={() => setRaising(row)}>
                      转为问题
                    </Button>
                  ) : (
                    <span className="zd-hint">未转问题</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="fs-total">
              <td colSpan={6}>合计（{list.total.count}个项目）</td>
              <td className="num">{amountText(kind, list.total.need)}</td>
              <td className="num">{amountText(kind, list.total.have)}</td>
              <td className="num zd-text-red">{amountText(kind, list.total.gap)}</td>
              {withDetail && <td />}
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <p className="fs-notes zd-muted zd-small">{NOTES[kind]}</p>
      <RaiseProblemDialog
        open={raising !== null}
        project={raising && { id: raising.projectId, code: raising.code, name: raising.name }}
        preset={
          raising
            ? {
                description: raising.problem.description,
                category: raising.problem.category,
                source: raising.problem.source,
                leadUnitId: raising.leadUnitId,
              }
            : undefined
        }
        onClose={() => setRaising(null)}
        onCreated={() => {
          setRaising(null);
          onChanged();
        }}
      />
      <ProblemDrawer id={openProblem} onClose={() => setOpenProblem(null)} onChanged={onChanged} />
    </>
  );
}
