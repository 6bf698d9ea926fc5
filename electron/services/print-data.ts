import { groupForPrint, type PrintGrouping } from '../../db/model/dispatch-print';
import { isOpen, problemAges, type ProblemListRow } from '../../db/model/problems';
import { weekSpan, type DispatchWeek } from '../../db/model/weeks';
import { reportedMonthsOf } from '../../db/queries/office-figures';
import { listStoredProblems, type StoredProblemWithUnits } from '../../db/queries/problems';
import { getSetting } from '../../db/queries/settings';
import type { Store } from '../../db/store/store';
import type { DispatchPrint } from '../../db/model/dispatch-print';
import type { ProblemPrint } from '../../db/model/problems';
import { dispatchWeekView } from './dispatch-week';

// What the printed 周调度表 and 问题清单 show, shared by the paper routes and the xlsx exports so the two
// never disagree.

export interface DispatchListOptions {
  groupBy: PrintGrouping;
  scope: 'all' | 'redYellow';
  chainLead?: string;
}

/** The whole answer of a request (the paper, or the sheet made from it), so its reads see one moment. */
export async function dispatchPrintData(
  store: Store,
  week: DispatchWeek,
  planYear: number,
  today: string,
  options: DispatchListOptions,
): Promise<DispatchPrint> {
  return store.snapshot(async () => {
    const view = await dispatchWeekView(store, week, planYear, today);
    const rows = view.rows
      .filter((r) => options.scope === 'all' || r.light !== 'green')
      .filter((r) => !options.chainLead || r.chainLead === options.chainLead)
      .sort((a, b) => a.code.localeCompare(b.code));
    const city = (await getSetting(store, 'cityName')) ?? '';
    return {
      title: `${city}重点项目建设周调度表（第${week.week}周）`,
      week,
      span: weekSpan(week),
      reportedMonths: await reportedMonthsOf(store, planYear),
      ...groupForPrint(rows, options.groupBy),
      operatorName: (await getSetting(store, 'operatorName')) ?? '',
      printedOn: today,
    };
  });
}

/** A problem just read, with its ages as of `today` (added to the row read for this call, not copied). */
export function problemRow(stored: StoredProblemWithUnits, today: string): ProblemListRow {
  return Object.assign(stored, problemAges(stored, today));
}

/** The units a problem is listed under: its 牵头单位 and each 责任单位, once each. */
export function problemUnits(p: ProblemListRow): { key: string; label: string }[] {
  const units = new Map<number, string>();
  if (p.leadUnitId !== null && p.leadUnitName) units.set(p.leadUnitId, p.leadUnitName);
  p.responsibleUnitIds.forEach((id, i) => units.set(id, p.responsibleUnitNames[i]));
  return units.size
    ? [...units].map(([id, name]) => ({ key: String(id), label: name }))
    : [{ key: '', label: '未指定单位' }];
}

export interface ProblemListOptions {
  groupBy: 'unit' | 'chainLead';
  scope: 'open' | 'all';
  ids?: number[];
}

/** The whole answer of a request (the paper, or the sheet made from it), so its reads see one moment. */
export async function problemPrintData(
  store: Store,
  today: string,
  options: ProblemListOptions,
): Promise<ProblemPrint> {
  return store.snapshot(() => problemPrintOf(store, today, options));
}

async function problemPrintOf(store: Store, today: string, options: ProblemListOptions): Promise<ProblemPrint> {
  const wanted = options.ids ? new Set(options.ids) : null;
  const rows = (await listStoredProblems(store))
    .map((p) => problemRow(p, today))
    .filter((p) => (wanted ? wanted.has(p.id) : options.scope === 'all' || isOpen(p.status)));
  const groups = new Map<string, { key: string; title: string; problems: ProblemListRow[] }>();
  for (const p of rows) {
    const keys =
      options.groupBy === 'unit'
        ? problemUnits(p)
        : [{ key: p.chainLead || '未设链长', label: p.chainLead || '未设链长' }];
    for (const { key, label } of keys) {
      const group = groups.get(key) ?? { key, title: label, problems: [] };
      group.problems.push(p);
      groups.set(key, group);
    }
  }
  const cityName = (await getSetting(store, 'cityName')) ?? '';
  return {
    title: `${cityName}重点项目问题清单`,
    cityName,
    groups: [...groups.values()],
    operatorName: (await getSetting(store, 'operatorName')) ?? '',
    printedOn: today,
  };
}
