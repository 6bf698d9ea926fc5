import { Alert, App as AntApp, Button, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import {
  FUND_SOURCE_LABELS,
  LAND_STATUS_LABELS,
  LAND_STATUSES,
  energyShortfall,
  formatHundredths,
  landShortfall,
  parseHundredths,
  type FactorSheet,
  type FundSource,
  type LandStatus,
} from '../../../db/model/factors';
import { formatWan, parseWan } from '../../../db/model/money';
import type { MethodInput } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { useMayCall } from '../../app/session/session';
import { useApi } from '../../hooks/use-api';
import { MoneyCell } from '../../ui/MoneyCell';
import { MoneyInput } from '../../ui/MoneyInput';
import './factors-panel.css';

interface Draft {
  landDemand: string;
  landSupplied: string;
  landStatus: LandStatus;
  energyNeeded: string;
  energyGranted: string;
  funds: { source: FundSource; planned: string; inPlace: string }[];
}

const draftOf = (s: FactorSheet): Draft => ({
  landDemand: formatHundredths(s.land.demandHundredths),
  landSupplied: formatHundredths(s.land.suppliedHundredths),
  landStatus: s.land.status,
  energyNeeded: formatHundredths(s.energy.neededHundredths),
  energyGranted: formatHundredths(s.energy.grantedHundredths),
  funds: s.funds.map((f) => ({
    source: f.source,
    planned: f.plannedYuan ? formatWan(f.plannedYuan) : '',
    inPlace: f.inPlaceYuan ? formatWan(f.inPlaceYuan) : '',
  })),
});

type SheetValues = Pick<MethodInput<'factors.save'>, 'land' | 'energy' | 'funds'>;
type Parsed = { ok: true; input: SheetValues } | { ok: false; message: string };

/** The draft as the save sends it, or the first thing the clerk must correct. */
function parseDraft(d: Draft): Parsed {
  const numbers: [string, string][] = [
    [d.landDemand, '需求亩数'],
    [d.landSupplied, '已供亩数'],
    [d.energyNeeded, '需求用能指标'],
    [d.energyGranted, '已批用能指标'],
  ];
  const values: (number | null)[] = [];
  for (const [text, label] of numbers) {
    const parsed = parseHundredths(text, label);
    if (!parsed.ok) return parsed;
    values.push(parsed.value);
  }
  const funds = [];
  for (const f of d.funds) {
    const planned = parseWan(f.planned);
    const inPlace = parseWan(f.inPlace);
    const label = FUND_SOURCE_LABELS[f.source];
    if (!planned.ok) return { ok: false, message: `${label}计划：${planned.message}` };
    if (!inPlace.ok) return { ok: false, message: `${label}到位：${inPlace.message}` };
    funds.push({ source: f.source, plannedYuan: planned.yuan ?? 0, inPlaceYuan: inPlace.yuan ?? 0 });
  }
  return {
    ok: true,
    input: {
      land: { demandHundredths: values[0], suppliedHundredths: values[1], status: d.landStatus },
      energy: { neededHundredths: values[2], grantedHundredths: values[3] },
      funds,
    },
  };
}

function Figure({ label, value, unit, red }: { label: string; value: string; unit: string; red?: boolean }) {
  return (
    <div className="fp-figure">
      <span className="fp-label">{label}</span>
      <span className={red ? 'fp-value num zd-text-red' : 'fp-value num'}>
        {value || <span className="zd-hint">未填</span>}
      </span>
      {value && <span className="fp-unit">{unit}</span>}
    </div>
  );
}

function HundredthsBox(props: { label: string; value: string; onChange(v: string): void }) {
  const parsed = parseHundredths(props.value, props.label);
  return (
    <Input
      aria-label={props.label}
      className="num fp-input"
      inputMode="decimal"
      autoComplete="off"
      value={props.value}
      status={parsed.ok ? undefined : 'error'}
      title={parsed.ok ? undefined : parsed.message}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={() => {
        if (parsed.ok && parsed.value !== null) props.onChange(formatHundredths(parsed.value));
      }}
    />
  );
}

const YEARS_BACK = 3;

const sumOf = <T,>(rows: readonly T[], pick: (row: T) => number) => rows.reduce((sum, row) => sum + pick(row), 0);

/** 要素保障 on the project page: 用地 and 用能 of the project, 资金 by source for the year; edited in place. */
export function FactorsPanel({
  projectId,
  planYear,
  onSaved,
}: {
  projectId: number;
  planYear: number;
  /** after a save: the project's history has new lines */
  onSaved?(): void;
}) {
  const { message } = AntApp.useApp();
  const mayCall = useMayCall();
  const [year, setYear] = useState(planYear);
  const sheet = useApi('factors.get', { projectId, year });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; conflict: boolean } | null>(null);
  const s = sheet.data;
  const years = [
    ...new Set([...Array.from({ length: YEARS_BACK + 1 }, (_, i) => planYear + 1 - i), ...(s?.fundYears ?? [])]),
  ].sort((a, b) => b - a);

  const edit = () => {
    if (!s) return;
    setRefusal(null);
    setDraft(draftOf(s));
  };
  const save = async () => {
    if (!s || !draft) return;
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setRefusal({ text: parsed.message, conflict: false });
      return;
    }
    setSaving(true);
    try {
      await invoke('factors.save', { projectId, year, version: s.version, ...parsed.input });
      setDraft(null);
      setRefusal(null);
      void message.success('要素保障已保存');
      await sheet.reload();
      onSaved?.();
    } catch (error) {
      setRefusal({
        text: error instanceof Error ? error.message : '保存未完成，请重试',
        conflict: error instanceof ApiError && error.code === 'conflict',
      });
    } finally {
      setSaving(false);
    }
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const setFund = (source: FundSource, patch: { planned?: string; inPlace?: string }) =>
    setDraft((d) => (d ? { ...d, funds: d.funds.map((f) => (f.source === source ? { ...f, ...patch } : f)) } : d));

  // while editing, the gaps and totals follow what is typed (a box that does not read as an amount counts 0)
  const shown = (s?.funds ?? []).map((f, i) => {
    const typed = draft?.funds[i];
    if (!typed) return f;
    const planned = parseWan(typed.planned);
    const inPlace = parseWan(typed.inPlace);
    return {
      ...f,
      plannedYuan: planned.ok ? (planned.yuan ?? 0) : 0,
      inPlaceYuan: inPlace.ok ? (inPlace.yuan ?? 0) : 0,
    };
  });
  const shownGap = sumOf(shown, (f) => Math.max(0, f.plannedYuan - f.inPlaceYuan));
  const land = s && landShortfall(s.land);
  const energy = s && energyShortfall(s.energy);
  return (
    <section className="zd-panel pd-panel fp-panel" aria-label="要素保障">
      <div className="fp-head">
        <h3 className="zd-panel-title">
          要素保障
          <span className="zd-panel-note">用地、用能按项目填写；资金按年度分来源填写（单位：万元）</span>
        </h3>
        <span className="zd-gap" />
        <Select
          aria-label="资金年度"
          size="small"
          value={year}
          disabled={draft !== null}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年资金` }))}
          style={{ width: 112 }}
        />
        {mayCall('factors.save') &&
          (draft ? (
            <>
              <Button size="small" onClick={() => (setDraft(null), setRefusal(null))} disabled={saving}>
                取消
              </Button>
              <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
                保存
              </Button>
            </>
          ) : (
            <Button size="small" onClick={edit} disabled={!s}>
              填写
            </Button>
          ))}
      </div>
      {refusal && (
        <Alert
          type="error"
          showIcon
          className="fp-alert"
          title={refusal.text}
          action={
            refusal.conflict ? (
              <Button
                size="small"
                onClick={() => {
                  setDraft(null);
                  setRefusal(null);
                  void sheet.reload();
                }}
              >
                放弃本次填写，载入最新内容
              </Button>
            ) : undefined
          }
        />
      )}
      {sheet.error && !s ? (
        <div className="pd-empty zd-faint">要素保障读取失败：{sheet.error.message}</div>
      ) : !s ? (
        <div className="pd-empty zd-faint">正在读取…</div>
      ) : (
        <div className="fp-body">
          <div className="fp-block" aria-label="用地">
            <div className="fp-block-title">用地（亩）</div>
            {draft ? (
              <div className="fp-fields">
                <label>
                  需求亩数
                  <HundredthsBox label="需求亩数" value={draft.landDemand} onChange={(v) => set({ landDemand: v })} />
                </label>
                <label>
                  已供亩数
                  <HundredthsBox
                    label="已供亩数"
                    value={draft.landSupplied}
                    onChange={(v) => set({ landSupplied: v })}
                  />
                </label>
                <label>
                  报批状态
                  <Select
                    aria-label="报批状态"
                    value={draft.landStatus}
                    onChange={(v: LandStatus) => set({ landStatus: v })}
                    options={LAND_STATUSES.map((st) => ({ value: st, label: LAND_STATUS_LABELS[st] }))}
                  />
                </label>
              </div>
            ) : (
              <>
                <Figure label="需求" value={formatHundredths(s.land.demandHundredths)} unit="亩" />
                <Figure label="已供" value={formatHundredths(s.land.suppliedHundredths)} unit="亩" />
                {land && <Figure label="缺口" value={formatHundredths(land.gap)} unit="亩" red />}
                <div className="fp-figure">
                  <span className="fp-label">报批状态</span>
                  <Tag className="fp-status">{LAND_STATUS_LABELS[s.land.status]}</Tag>
                </div>
              </>
            )}
          </div>
          <div className="fp-block" aria-label="用能">
            <div className="fp-block-title">用能（吨标准煤）</div>
            {draft ? (
              <div className="fp-fields">
                <label>
                  需求指标
                  <HundredthsBox
                    label="需求用能指标"
                    value={draft.energyNeeded}
                    onChange={(v) => set({ energyNeeded: v })}
                  />
                </label>
                <label>
                  已批指标
                  <HundredthsBox
                    label="已批用能指标"
                    value={draft.energyGranted}
                    onChange={(v) => set({ energyGranted: v })}
                  />
                </label>
              </div>
            ) : (
              <>
                <Figure label="需求" value={formatHundredths(s.energy.neededHundredths)} unit="吨标准煤" />
                <Figure label="已批" value={formatHundredths(s.energy.grantedHundredths)} unit="吨标准煤" />
                {energy && <Figure label="缺口" value={formatHundredths(energy.gap)} unit="吨标准煤" red />}
              </>
            )}
          </div>
          <div className="fp-block fp-funds" aria-label={`${year}年资金`}>
            <table className="zd-table fp-table" aria-label={`${year}年资金来源`}>
              <thead>
                <tr>
                  <th>{year}年资金来源</th>
                  <th className="num">计划（万元）</th>
                  <th className="num">到位（万元）</th>
                  <th className="num">缺口（万元）</th>
                </tr>
              </thead>
              <tbody>
                {s.funds.map((f, i) => {
                  const typed = draft?.funds[i];
                  const { plannedYuan, inPlaceYuan } = shown[i];
                  const gap = plannedYuan - inPlaceYuan;
                  return (
                    <tr key={f.source}>
                      <td className="zd-nowrap">{FUND_SOURCE_LABELS[f.source]}</td>
                      {typed ? (
                        <>
                          <td className="fp-cell">
                            <MoneyInput
                              aria-label={`${FUND_SOURCE_LABELS[f.source]}计划`}
                              size="small"
                              value={typed.planned}
                              showMessage={false}
                              onChange={(v) => setFund(f.source, { planned: v })}
                            />
                          </td>
                          <td className="fp-cell">
                            <MoneyInput
                              aria-label={`${FUND_SOURCE_LABELS[f.source]}到位`}
                              size="small"
                              value={typed.inPlace}
                              showMessage={false}
                              onChange={(v) => setFund(f.source, { inPlace: v })}
                            />
                          </td>
                        </>
                      ) : (
                        <>
                          <td className="num">{plannedYuan ? <MoneyCell yuan={plannedYuan} /> : ''}</td>
                          <td className="num">{inPlaceYuan ? <MoneyCell yuan={inPlaceYuan} /> : ''}</td>
                        </>
                      )}
                      <td className="num zd-text-red">{gap > 0 ? <MoneyCell yuan={gap} /> : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr className="fp-total">
                  <td>合计</td>
                  <td className="num">
                    <MoneyCell yuan={sumOf(shown, (f) => f.plannedYuan)} />
                  </td>
                  <td className="num">
                    <MoneyCell yuan={sumOf(shown, (f) => f.inPlaceYuan)} />
                  </td>
                  <td className="num zd-text-red">{shownGap > 0 ? <MoneyCell yuan={shownGap} /> : ''}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
