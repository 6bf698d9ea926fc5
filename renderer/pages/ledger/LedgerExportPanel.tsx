import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Radio, Select } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { ExportedFile } from '../../../electron/api-spec';
import type { Chain } from '../../../db/model/reference';
import { STAGE_LABELS, STAGES } from '../../../db/model/stages';
import { useApi } from '../../hooks/use-api';
import { exportedMessage, exportErrorMessage, exportExcel } from '../../ui/export-excel';
import { LedgerContents } from './LedgerContents';
import {
  defaultLedgerOptions,
  LEDGER_SHEETS_LABELS,
  ledgerExportInput,
  ledgerYears,
  orderedStages,
  TOTAL_UNIT_LABELS,
  type LedgerOptions,
  type LedgerSheets,
  type TotalUnit,
} from './ledger-options';

type Outcome = { ok: true; file: ExportedFile } | { ok: false; message: string };

function OptionRow({
  label,
  id,
  hint,
  children,
}: {
  label: string;
  id: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="ledger-option" role="group" aria-labelledby={id}>
      <div className="ledger-option-label zd-muted" id={id}>
        {label}
      </div>
      <div className="ledger-option-control">
        {children}
        {hint && <div className="ledger-option-hint zd-hint">{hint}</div>}
      </div>
    </div>
  );
}

/** Retired chains stay choosable (their projects are still on the ledger), after the ones in use. */
function chainOptions(chains: Chain[]) {
  return [...chains]
    .sort((a, b) => Number(a.retired) - Number(b.retired))
    .map((chain) => ({ value: chain.id, label: chain.retired ? `${chain.name}（已停用）` : chain.name }));
}

/** 导出项目台账: the options, what the workbook holds, and the button that makes it. */
export function LedgerExportPanel({ planYear, cityName }: { planYear: number; cityName: string }) {
  const [options, setOptions] = useState<LedgerOptions>(() => defaultLedgerOptions(planYear));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reference = useApi('reference.list', {});
  const chains = useMemo(() => chainOptions(reference.data?.chains ?? []), [reference.data]);
  const levels = reference.data?.levels ?? [];
  const levelName = levels.find((level) => level.id === options.level)?.name ?? null;

  const set = <K extends keyof LedgerOptions>(key: K, value: LedgerOptions[K]) =>
    setOptions((current) => ({ ...current, [key]: value }));
  const noStage = options.stages.length === 0;

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: true, file: await exportExcel('ledger.export', ledgerExportInput(options)) });
    } catch (error) {
      setOutcome({ ok: false, message: exportErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ledger-panel" aria-labelledby="ledger-export-title">
      <h2 className="ledger-panel-title zd-strong" id="ledger-export-title">
        导出项目台账
      </h2>
      <div className="ledger-export-body">
        <div className="ledger-options">
          <OptionRow label="年度" id="ledger-year">
            <Radio.Group
              name="ledger-year"
              optionType="button"
              value={options.year}
              onChange={(e) => set('year', e.target.value as number)}
              options={ledgerYears(planYear).map((year) => ({ value: year, label: `${year}年` }))}
            />
          </OptionRow>
          <OptionRow
            label="阶段"
            id="ledger-stages"
            hint={noStage ? <span className="zd-text-red">请至少选择一个阶段</span> : undefined}
          >
            <Checkbox.Group
              className="ledger-stages"
              value={options.stages}
              onChange={(values) => set('stages', orderedStages(values))}
              options={STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))}
            />
          </OptionRow>
          <OptionRow label="产业链" id="ledger-chains" hint="不选即导出全部产业链的项目">
            <Select
              mode="multiple"
              aria-labelledby="ledger-chains"
              style={{ width: '100%' }}
              value={options.chainIds}
              onChange={(ids) => set('chainIds', ids)}
              options={chains}
              loading={reference.loading}
              placeholder={reference.error ? `产业链读取失败：${reference.error.message}` : '全部产业链'}
              allowClear
              maxTagCount="responsive"
              optionFilterProp="label"
            />
          </OptionRow>
          <OptionRow
            label="项目级别"
            id="ledger-level"
            hint="选定级别时只导出该名单的项目，表头写明级别，用于向上级报送"
          >
            <Select
              aria-labelledby="ledger-level"
              style={{ width: '100%' }}
              value={options.level ?? undefined}
              onChange={(id: number | undefined) => set('level', id ?? null)}
              options={levels.map((level) => ({
                value: level.id,
                label: level.retired ? `${level.name}（已停用）` : level.name,
              }))}
              loading={reference.loading}
              placeholder="全部重点项目"
              allowClear
            />
          </OptionRow>
          <OptionRow label="总投资单位" id="ledger-unit" hint="本年计划投资、完成投资等其余金额均以万元计">
            <Radio.Group
              name="ledger-total-unit"
              optionType="button"
              value={options.totalUnit}
              onChange={(e) => set('totalUnit', e.target.value as TotalUnit)}
              options={(['wan', 'yi'] as const).map((unit) => ({ value: unit, label: TOTAL_UNIT_LABELS[unit] }))}
            />
          </OptionRow>
          <OptionRow
            label="工作表"
            id="ledger-sheets"
            hint="打印版只列领导常看的列，字大，便于打印；完整台账列出全部列，可再导入本软件"
          >
            <Radio.Group
              name="ledger-sheets"
              optionType="button"
              value={options.sheets}
              onChange={(e) => set('sheets', e.target.value as LedgerSheets)}
              options={(['printAndFull', 'fullOnly'] as const).map((sheets) => ({
                value: sheets,
                label: LEDGER_SHEETS_LABELS[sheets],
              }))}
            />
          </OptionRow>
        </div>
        <LedgerContents cityName={cityName} options={options} levelName={levelName} />
      </div>
      <div className="ledger-export-actions">
        <Button
          type="primary"
          icon={<FileExcelOutlined />}
          loading={busy}
          disabled={noStage}
          onClick={() => void run()}
        >
          {busy ? '正在生成…' : '导出Excel'}
        </Button>
        <div className="ledger-export-outcome" aria-live="polite">
          {outcome?.ok === true && (
            <Alert className="ledger-alert" type="success" showIcon title={exportedMessage(outcome.file, '项目')} />
          )}
          {outcome?.ok === false && (
            <Alert className="ledger-alert" type="error" showIcon title={`导出失败：${outcome.message}`} />
          )}
        </div>
      </div>
    </section>
  );
}
