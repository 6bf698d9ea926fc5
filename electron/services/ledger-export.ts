import { formatChineseDate } from '../../db/model/dates';
import { chineseNumber, PRINT_GROUPING_LABELS } from '../../db/model/dispatch-print';
import { LIGHT_LABELS, type LightLevel } from '../../db/model/lights';
import { SUSPENSION_LABELS, suspensionText } from '../../db/model/list-membership';
import { NATURE_LABELS, type ProjectRow } from '../../db/model/project';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_STATUS_LABELS, isOpen, type ProblemListRow } from '../../db/model/problems';
import { STAGE_LABELS, type Stage } from '../../db/model/stages';
import { shiftWeek, weekOf } from '../../db/model/weeks';
import { approvalProgressByProject } from '../../db/queries/approvals';
import { latestEntriesBetween } from '../../db/queries/dispatch';
import { reportedMonthsOf } from '../../db/queries/office-figures';
import { listProjects } from '../../db/queries/projects-read';
import { listChains, referenceName } from '../../db/queries/reference';
import { AppError } from '../../db/errors';
import { getSetting } from '../../db/queries/settings';
import type { Store } from '../../db/store/store';
import { COPY_FORWARD_WEEKS } from '../../db/model/dispatch';
import type { DispatchPrint } from '../../db/model/dispatch-print';
import type { ExportedFile } from '../../db/model/exported-file';
import type { ProblemPrint } from '../../db/model/problems';
import { addDispatchSheet } from './dispatch-xlsx-pages';
import {
  attractionCells,
  completedHeader,
  LEDGER_COLUMN,
  ledgerColumns,
  ratio,
  totalsLine,
} from './ledger-export/full-ledger';
import { PRINT_ROW_LINES, PRINT_SHEET_NAME, printSheet } from './ledger-export/print-sheet';
import type { DispatchListOptions, ProblemListOptions } from './print-data';
import { withLights } from './project-lights';
import {
  addTableSheet,
  exportedFile,
  fenOfWan,
  newWorkbook,
  streamedWorkbook,
  sumOf,
  type CellInput,
  type SheetColumn,
  type SheetLine,
  type Tone,
} from './xlsx-sheet';

// The 项目台账, 周调度表 and 问题清单 as Excel files for offices that pass sheets on: the same rows and totals
// the app shows, laid out the way a county ledger usually looks.

/** The order ledgers list stages in: this year's work first, then what is being prepared. */
export const LEDGER_STAGE_ORDER: readonly Stage[] = ['new_start', 'continuing', 'completed', 'preliminary', 'reserve'];

export interface LedgerOptions {
  year: number;
  stages?: Stage[];
  chainIds?: number[];
  /** only the projects on this level, and the file titled for it */
  level?: number;
  totalUnit: 'wan' | 'yi';
  /** 'printAndFull': the 打印版 for paper beside the full 项目台账 (the file opens on the 打印版) */
  sheets: 'printAndFull' | 'fullOnly';
}

const TONE: Partial<Record<LightLevel, Tone>> = { red: 'red', yellow: 'yellow' };

function lightText(light: LightLevel, reasons: readonly string[]): string {
  return reasons.length ? `${LIGHT_LABELS[light]}：${reasons.join('；')}` : LIGHT_LABELS[light];
}

function yearsText(p: ProjectRow): string {
  if (p.startYear === null && p.endYear === null) return '';
  return `${p.startYear ?? ''}—${p.endYear ?? ''}`;
}

async function scopeText(store: Store, options: LedgerOptions): Promise<string> {
  const parts: string[] = [];
  if (options.stages?.length) {
    parts.push(
      `阶段：${LEDGER_STAGE_ORDER.filter((s) => options.stages?.includes(s))
        .map((s) => STAGE_LABELS[s])
        .join('、')}`,
    );
  }
  if (options.chainIds?.length) {
    const names = new Map((await listChains(store)).map((c) => [c.id, c.name]));
    const known = options.chainIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
    if (known.length) parts.push(`产业链：${known.join('、')}`);
  }
  return parts.join('；');
}

/** The 项目台账 of a plan year: one row per project, grouped by stage, with subtotals and a grand total. */
export async function exportLedger(store: Store, today: string, options: LedgerOptions): Promise<ExportedFile> {
  const stages = new Set(options.stages?.length ? options.stages : LEDGER_STAGE_ORDER);
  const chains = options.chainIds?.length ? new Set(options.chainIds) : null;
  // the whole answer of a request: what the file shows is read as of one moment, and the workbook built after
  const { city, months, lit, entries, scope, levelName, approvals } = await store.snapshot(async () => {
    const levelName = options.level === undefined ? null : await referenceName(store, 'level', options.level);
    if (levelName === undefined) throw new AppError('not_found', '找不到该项目级别，可能已被删除', 'level');
    const projects = (await listProjects(store, options.year)).filter(
      (p) =>
        stages.has(p.stage) && (!chains || chains.has(p.chainId)) && (!levelName || p.levelNames.includes(levelName)),
    );
    // 存在问题: this week's entry, or until there is one the last reported text, as the dispatch list shows it
    const week = weekOf(today);
    return {
      city: (await getSetting(store, 'cityName')) ?? '',
      months: await reportedMonthsOf(store, options.year),
      lit: await withLights(store, projects, options.year, today),
      entries: await latestEntriesBetween(
        store,
        shiftWeek(week.key, -COPY_FORWARD_WEEKS).key,
        shiftWeek(week.key, 1).key,
      ),
      scope: await scopeText(store, options),
      levelName,
      approvals: await approvalProgressByProject(store),
    };
  });
  const columns = ledgerColumns(months, options.totalUnit);

  const lines: SheetLine[] = [];
  const allRows: CellInput[][] = [];
  let serial = 0;
  let section = 0;
  for (const stage of LEDGER_STAGE_ORDER) {
    const inStage = lit.filter((p) => p.stage === stage);
    if (!stages.has(stage) || !inStage.length) continue;
    lines.push({
      kind: 'section',
      text: `${chineseNumber(++section)}、${STAGE_LABELS[stage]}项目（${inStage.length}个）`,
    });
    const sectionRows: CellInput[][] = [];
    for (const p of inStage) {
      const cells: CellInput[] = [
        ++serial,
        p.name,
        p.owner,
        p.location,
        p.nature ? NATURE_LABELS[p.nature] : '',
        p.content,
        yearsText(p),
        fenOfWan(p.totalInvestmentYuan),
        fenOfWan(p.annualPlanYuan),
        fenOfWan(p.yearCompletedYuan),
        ratio(p.yearCompletedYuan, p.annualPlanYuan),
        fenOfWan(p.sinceStartCompletedYuan),
        p.progressText,
        entries.get(p.id)?.problems ?? '',
        p.chainName,
        p.chainLead,
        p.leadUnitName ?? '',
        p.responsibleUnitNames.join('、'),
        p.plannedStartDate,
        p.actualStartDate,
        p.plannedCompletionDate,
        p.actualCompletionDate,
        p.inStatistics ? '是' : '否',
        p.suspended ? SUSPENSION_LABELS[p.suspended.kind] : lightText(p.light, p.lightReasons),
        p.note,
        p.code,
        p.levelNames.join('、'),
        p.townshipName ?? '',
        ...attractionCells(p),
        p.suspended ? suspensionText(p.suspended) : '',
        p.contactLeaderName ?? '',
        approvals.get(p.id)?.text ?? '',
      ];
      sectionRows.push(cells);
      lines.push({ kind: 'row', cells, tones: { [LEDGER_COLUMN.light]: p.suspended ? undefined : TONE[p.light] } });
    }
    lines.push(totalsLine('subtotal', `小计（${inStage.length}个）`, sectionRows, columns.length));
    allRows.push(...sectionRows);
  }
  if (!allRows.length) lines.push({ kind: 'empty', text: '没有符合条件的项目' });
  lines.push(totalsLine('total', `合计（${allRows.length}个）`, allRows, columns.length));

  // a list reported upwards is titled as that list, as 湘潭市 and the province ask for it
  const title = levelName ? `${city}${options.year}年${levelName}项目台账` : `${city}${options.year}年重点项目建设台账`;
  const heading = {
    title,
    subhead: {
      left: options.totalUnit === 'yi' ? '总投资单位：亿元，其余万元' : '单位：万元',
      center: scope,
      right: `截至日期：${formatChineseDate(today)}`,
    },
    paper: 'A3',
    freezeColumns: 2,
  } as const;
  const { workbook, file } = streamedWorkbook();
  // the full ledger stays the first sheet, as it always was (other offices' tools read the first sheet)
  addTableSheet(workbook, { name: '项目台账', ...heading, columns, lines });
  if (options.sheets === 'printAndFull') {
    const print = printSheet(completedHeader(months), options.totalUnit, lines);
    // the file opens on the 打印版, so 打印 in Excel or WPS prints it
    addTableSheet(workbook, {
      name: PRINT_SHEET_NAME,
      ...heading,
      ...print,
      minRowLines: PRINT_ROW_LINES,
      selected: true,
    });
    workbook.views = [{ x: 0, y: 0, width: 24000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  }
  const named = levelName ? `${levelName}项目台账` : '重点项目台账';
  return file(`${city}${options.year}年${named}（截至${today}）.xlsx`, allRows.length);
}

function dispatchNarrowedTo(options: DispatchListOptions): string {
  const parts = [
    PRINT_GROUPING_LABELS[options.groupBy],
    options.chainLead ? `链长：${options.chainLead}` : '',
    options.scope === 'redYellow' ? '范围：红灯、黄灯项目' : '',
  ];
  return parts.filter(Boolean).join('\u3000');
}

/** The printed 周调度表 as a sheet: the same groups, 序号, light words and totals, every column of the paper. */
export async function exportDispatchList(
  city: string,
  data: DispatchPrint,
  options: DispatchListOptions,
): Promise<ExportedFile> {
  const text = (header: string, min: number, max: number): SheetColumn => ({ header, kind: 'text', min, max });
  const wan = (header: string): SheetColumn => ({ header, kind: 'wan', min: 11, max: 16 });
  const columns: SheetColumn[] = [
    { header: '序号', kind: 'serial', min: 5, max: 7 },
    text('项目名称', 16, 30),
    text('责任单位', 10, 20),
    { header: '阶段', kind: 'center', min: 6, max: 8 },
    wan('总投资'),
    wan('本年计划'),
    wan(data.reportedMonths > 0 ? `本年完成\n（1—${data.reportedMonths}月）` : '本年完成'),
    text('本周进展', 16, 32),
    text('存在问题', 16, 32),
    text('需协调事项', 14, 28),
    text('下周计划', 14, 28),
    text('预警', 8, 24),
    text('项目编号', 12, 16),
    // last, so the columns other offices' tools read stay where they were
    text('前期手续', 16, 30),
  ];
  const moneyFrom = 4;
  const totals = (kind: 'subtotal' | 'total', label: string, rows: CellInput[][]): SheetLine => {
    const cells: CellInput[] = new Array<CellInput>(columns.length).fill(null);
    cells[0] = label;
    for (let i = moneyFrom; i < moneyFrom + 3; i++) cells[i] = sumOf(rows.map((r) => r[i]));
    return { kind, labelSpan: moneyFrom, cells };
  };

  const lines: SheetLine[] = [];
  const allRows: CellInput[][] = [];
  for (const group of data.groups) {
    lines.push({ kind: 'section', text: group.title });
    const groupRows: CellInput[][] = [];
    for (const r of group.rows) {
      const cells: CellInput[] = [
        r.serial,
        r.name,
        r.responsibleUnitNames.join('、'),
        STAGE_LABELS[r.stage],
        fenOfWan(r.totalInvestmentYuan),
        fenOfWan(r.annualPlanYuan),
        fenOfWan(r.yearCompletedYuan),
        r.progress,
        r.problems,
        r.coordination,
        r.nextPlan,
        r.suspended ? suspensionText(r.suspended) : lightText(r.light, r.lightReasons),
        r.code,
        r.approvalProgress,
      ];
      groupRows.push(cells);
      lines.push({ kind: 'row', cells, tones: { 11: r.suspended ? undefined : TONE[r.light] } });
    }
    lines.push(totals('subtotal', `小计 ${group.rows.length} 个项目`, groupRows));
    allRows.push(...groupRows);
  }
  if (!allRows.length) lines.push({ kind: 'empty', text: '本周没有符合条件的项目' });
  lines.push(totals('total', `合计 ${allRows.length} 个项目`, allRows));

  const workbook = newWorkbook();
  // paged so a group's heading comes along, with “（续）”, onto every page the group continues on
  addDispatchSheet(workbook, {
    name: '周调度表',
    title: data.title,
    subhead: { left: dispatchNarrowedTo(options), center: `统计时段：${data.span}`, right: '单位：万元' },
    columns,
    lines,
    footnote: `填表人：${data.operatorName}\u3000\u3000审核人：\u3000\u3000\u3000\u3000\u3000\u3000联系电话：\u3000\u3000\u3000\u3000\u3000\u3000填报日期：${formatChineseDate(data.printedOn)}`,
    paper: 'A3',
    freezeColumns: 2,
  });
  return exportedFile(
    workbook,
    `${city}重点项目建设周调度表（${data.week.year}年第${data.week.week}周）.xlsx`,
    allRows.length,
  );
}

function problemCounts(problems: readonly ProblemListRow[]) {
  return {
    count: problems.length,
    open: problems.filter((p) => isOpen(p.status)).length,
    overdue: problems.filter((p) => p.daysOverdue > 0).length,
  };
}

function problemUnitsText(p: ProblemListRow): string {
  const lead = p.leadUnitName ?? '';
  const others = p.responsibleUnitNames.filter((name) => name !== lead);
  if (!others.length) return lead;
  if (!lead) return others.join('、');
  return `牵头：${lead}\n责任：${others.join('、')}`;
}

const PROBLEM_GROUP_TEXT = { unit: '按单位分组', chainLead: '按链长分组' } as const;
const PROBLEM_SCOPE_TEXT = { open: '范围：未销号问题', all: '范围：全部问题（含已销号）' } as const;

/** The printed 问题清单 as a sheet: grouped by unit or 链长, 序号 starting again in each group. */
export async function exportProblemList(data: ProblemPrint, options: ProblemListOptions): Promise<ExportedFile> {
  const withClosed = options.scope === 'all';
  const columns: SheetColumn[] = [
    { header: '序号', kind: 'serial', min: 5, max: 7 },
    { header: '编号', kind: 'center', min: 13, max: 15 },
    { header: '项目名称', kind: 'text', min: 16, max: 30 },
    { header: '问题描述', kind: 'text', min: 24, max: 48 },
    { header: '类别', kind: 'center', min: 6, max: 10 },
    { header: '牵头单位/责任单位', kind: 'text', min: 14, max: 28 },
    { header: '登记日期', kind: 'date', min: 11, max: 11 },
    { header: '办结时限', kind: 'date', min: 11, max: 11 },
    { header: '状态', kind: 'center', min: 8, max: 14 },
    { header: '办理天数', kind: 'integer', min: 8, max: 9 },
    { header: '超期天数', kind: 'integer', min: 8, max: 9 },
  ];
  const lines: SheetLine[] = [];
  data.groups.forEach((group, index) => {
    const c = problemCounts(group.problems);
    const counts = `${withClosed ? `共${c.count}个，` : ''}未销号${c.open}个，超期${c.overdue}个`;
    lines.push({ kind: 'section', text: `${chineseNumber(index + 1)}、${group.title}（${counts}）` });
    group.problems.forEach((p, i) => {
      const overdue = p.daysOverdue > 0;
      lines.push({
        kind: 'row',
        cells: [
          i + 1,
          p.code,
          p.projectName,
          p.description,
          PROBLEM_CATEGORY_LABELS[p.category],
          problemUnitsText(p),
          p.raisedOn,
          p.deadline,
          overdue ? `${PROBLEM_STATUS_LABELS[p.status]}（超期）` : PROBLEM_STATUS_LABELS[p.status],
          p.daysOpen,
          overdue ? p.daysOverdue : null,
        ],
        tones: overdue ? { 8: 'red', 10: 'red' } : undefined,
      });
    });
  });
  // a problem shared by two units is listed under each; the total counts it once
  const distinct = [...new Map(data.groups.flatMap((g) => g.problems.map((p) => [p.id, p] as const))).values()];
  const all = problemCounts(distinct);
  if (!distinct.length) lines.push({ kind: 'empty', text: '没有符合条件的问题' });
  const totalCells: CellInput[] = new Array<CellInput>(columns.length).fill(null);
  totalCells[0] = `合计：共${all.count}个问题，未销号${all.open}个，超期${all.overdue}个`;
  lines.push({ kind: 'total', labelSpan: columns.length, cells: totalCells });

  const workbook = newWorkbook();
  addTableSheet(workbook, {
    name: '问题清单',
    title: data.title,
    subhead: {
      left: `${PROBLEM_GROUP_TEXT[options.groupBy]}\u3000${PROBLEM_SCOPE_TEXT[options.scope]}`,
      center: `截至日期：${formatChineseDate(data.printedOn)}`,
      right: `${withClosed ? `共${all.count}个问题，未销号${all.open}个` : `未销号问题${all.open}个`}，其中超期${all.overdue}个`,
    },
    columns,
    lines,
    footnote: `填表人：${data.operatorName}\u3000\u3000审核人：\u3000\u3000\u3000\u3000\u3000\u3000填报日期：${formatChineseDate(data.printedOn)}`,
    paper: 'A4',
    freezeColumns: 0,
  });
  return exportedFile(workbook, `${data.cityName}重点项目问题清单（截至${data.printedOn}）.xlsx`, distinct.length);
}
