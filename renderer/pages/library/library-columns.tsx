import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  type ColumnVisibilityState,
  type FilterFn,
  type SortFn,
} from '@tanstack/react-table';
import { Tag } from 'antd';
import { format, parseISO } from 'date-fns';
import { annualCompletionRate } from '../../../db/model/derived';
import type { LightLevel } from '../../../db/model/lights';
import { formatPercent, formatWan } from '../../../db/model/money';
import type { ProjectListRow } from '../../../db/model/project-list';
import { NATURE_LABELS } from '../../../db/model/project';
import { compareProjectCodes } from '../../../db/model/project-code';
import { stageIndex, type Stage } from '../../../db/model/stages';
import { LightCell } from './LightCell';
import {
  matchesChain,
  matchesContactLeader,
  matchesLead,
  matchesLevel,
  matchesLight,
  matchesPark,
  matchesPromotion,
  matchesSearch,
  matchesStage,
  matchesTownship,
} from './library-filters';
import type { LibraryTotals } from './library-totals';
import { RowLink } from '../../ui/RowLink';
import { StageTag } from '../../ui/StageTag';

export interface LibraryColumnMeta {
  /** full plain-text name, for the column chooser and header tooltips */
  label: string;
  width: number;
  /** how narrow the column may get when the window is (the 1366-wide screen) */
  minWidth?: number;
  num?: boolean;
  /** frozen at the left while scrolling sideways, like 冻结窗格 */
  pinned?: boolean;
  /** the figure this column shows in the totals row */
  total?: keyof LibraryTotals;
}

export const libraryFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic },
  columnMeta: metaHelper<LibraryColumnMeta>(),
});
export type LibraryFeatures = typeof libraryFeatures;

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });
/** Chinese text in pinyin order, the way WPS sorts it. */
const byChineseText: SortFn<LibraryFeatures, ProjectListRow> = (a, b, id) =>
  collator.compare(String(a.getValue(id)), String(b.getValue(id)));
/** 项目编号 in the library's order, the one the server sends the first rows in. */
const byCode: SortFn<LibraryFeatures, ProjectListRow> = (a, b, id) =>
  compareProjectCodes(String(a.getValue(id)), String(b.getValue(id)));
const byStage: SortFn<LibraryFeatures, ProjectListRow> = (a, b, id) =>
  stageIndex(a.getValue<Stage>(id)) - stageIndex(b.getValue<Stage>(id));
const LIGHT_RANK: Record<LightLevel, number> = { green: 0, yellow: 1, red: 2 };
/** Ascending green → red, so the first click (descending) brings the red projects to the top. */
const byLight: SortFn<LibraryFeatures, ProjectListRow> = (a, b, id) =>
  LIGHT_RANK[a.getValue<LightLevel>(id)] - LIGHT_RANK[b.getValue<LightLevel>(id)] ||
  a.original.lights.length - b.original.lights.length;

function rowFilter<V>(
  test: (project: ProjectListRow, value: V) => boolean,
  isEmpty: (value: unknown) => boolean,
): FilterFn<LibraryFeatures, ProjectListRow> {
  const filter: FilterFn<LibraryFeatures, ProjectListRow> = (row, _id, value: V) => test(row.original, value);
  filter.autoRemove = isEmpty;
  return filter;
}
const emptyList = (value: unknown) => !Array.isArray(value) || value.length === 0;
const stageFilter = rowFilter(matchesStage, (value) => !value);
const chainFilter = rowFilter(matchesChain, emptyList);
const leadFilter = rowFilter(matchesLead, emptyList);
const parkFilter = rowFilter(matchesPark, emptyList);
const levelFilter = rowFilter(matchesLevel, emptyList);
const townshipFilter = rowFilter(matchesTownship, emptyList);
const contactLeaderFilter = rowFilter(matchesContactLeader, emptyList);
const lightFilter = rowFilter(matchesLight, emptyList);
const promotionFilter = rowFilter(matchesPromotion, (value) => value !== true);

/** The search box: one test on the whole row, run once through the name column. */
export const librarySearch: FilterFn<LibraryFeatures, ProjectListRow> = (row, _id, search: string) =>
  matchesSearch(row.original, search);

const orUndefined = <T,>(value: T | null | ''): T | undefined => (value === null || value === '' ? undefined : value);

function Text({ value }: { value: unknown }) {
  return typeof value === 'string' && value ? <span title={value}>{value}</span> : null;
}

/** “湘乡经济开发区·红仑工业园” shows as “红仑工业园”: the part that tells the parks apart fits the column. */
function ParkName({ name }: { name: string | undefined }) {
  if (!name) return null;
  return <span title={name}>{name.split('·').at(-1)}</span>;
}

function MoneyHeader({ label }: { label: string }) {
  return (
    <>
      {label}
      <span className="zd-grid-unit">（万元）</span>
    </>
  );
}

function ProjectName({ project }: { project: ProjectListRow }) {
  return (
    <span className="library-name">
      <RowLink href={`/projects/${project.id}`} title={project.name}>
        {project.name}
      </RowLink>
      {project.isDemo && <Tag className="library-demo-tag zd-faint">示例</Tag>}
    </span>
  );
}

function yearsText(p: ProjectListRow): string | undefined {
  if (p.startYear === null && p.endYear === null) return undefined;
  return `${p.startYear ?? ''}—${p.endYear ?? ''}`;
}

function updatedText(iso: string): string {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, 'yyyy-MM-dd HH:mm');
}

const col = createColumnHelper<LibraryFeatures, ProjectListRow>();

const text = (label: string, width: number, minWidth?: number) => ({
  header: label,
  meta: { label, width, minWidth },
  sortFn: byChineseText,
  sortUndefined: 'last' as const,
  cell: (info: { getValue: () => unknown }) => <Text value={info.getValue()} />,
});

const date = (label: string) => ({
  header: label,
  meta: { label, width: 92, num: true },
  sortFn: 'basic' as const,
  sortUndefined: 'last' as const,
});

const money = (label: string, total: keyof LibraryTotals) => ({
  header: () => <MoneyHeader label={label} />,
  // the totals of a large office run to 33,769,000.00
  meta: { label: `${label}（万元）`, width: 110, minWidth: 100, num: true, total },
  sortFn: 'basic' as const,
  cell: (info: { getValue: () => number }) => formatWan(info.getValue()),
});

export const libraryColumns = col.columns([
  col.accessor('code', {
    id: 'code',
    header: '项目编号',
    meta: { label: '项目编号', width: 96, pinned: true },
    sortFn: byCode,
    enableHiding: false,
    cell: (info) => <Text value={info.getValue()} />,
  }),
  col.accessor('name', {
    id: 'name',
    ...text('项目名称', 240),
    // the one column that never gives up room: the name is what the clerk reads the list by
    meta: { label: '项目名称', width: 240, pinned: true },
    enableHiding: false,
    cell: (info) => <ProjectName project={info.row.original} />,
  }),
  col.accessor('stage', {
    id: 'stage',
    header: '阶段',
    meta: { label: '阶段', width: 66 },
    sortFn: byStage,
    filterFn: stageFilter,
    cell: (info) => <StageTag stage={info.getValue()} compact />,
  }),
  col.accessor('light', {
    id: 'light',
    header: '预警',
    meta: { label: '预警', width: 208, minWidth: 150 },
    sortFn: byLight,
    sortDescFirst: true,
    filterFn: lightFilter,
    cell: (info) => <LightCell project={info.row.original} />,
  }),
  col.accessor('chainName', { id: 'chain', ...text('产业链', 108, 92), filterFn: chainFilter }),
  col.accessor((p) => orUndefined(p.chainLead), { id: 'chainLead', ...text('链长', 72), filterFn: leadFilter }),
  col.accessor('owner', { id: 'owner', ...text('建设单位', 136, 104) }),
  col.accessor((p) => orUndefined(p.parkName), {
    id: 'park',
    ...text('园区/片区', 120),
    filterFn: parkFilter,
    cell: (info) => <ParkName name={info.getValue()} />,
  }),
  col.accessor((p) => orUndefined(p.townshipName), {
    id: 'township',
    ...text('乡镇', 80),
    filterFn: townshipFilter,
  }),
  col.accessor((p) => orUndefined(p.levelNames.join('、')), {
    id: 'levels',
    ...text('级别', 150, 100),
    filterFn: levelFilter,
  }),
  col.accessor((p) => orUndefined(p.contactLeaderName), {
    id: 'contactLeader',
    ...text('包挂领导', 90),
    filterFn: contactLeaderFilter,
  }),
  col.accessor((p) => orUndefined(p.location), { id: 'location', ...text('建设地点', 140, 100) }),
  col.accessor((p) => orUndefined(p.leadUnitName), { id: 'leadUnit', ...text('牵头单位', 140, 100) }),
  col.accessor((p) => orUndefined(p.responsibleUnitNames.join('、')), {
    id: 'responsibleUnits',
    ...text('责任单位', 180, 120),
  }),
  col.accessor((p) => (p.nature ? NATURE_LABELS[p.nature] : undefined), { id: 'nature', ...text('建设性质', 72) }),
  col.accessor(yearsText, {
    id: 'years',
    ...date('建设起止年限'),
    meta: { label: '建设起止年限', width: 96, num: true },
  }),
  col.accessor((p) => orUndefined(p.plannedStartDate), { id: 'plannedStart', ...date('计划开工') }),
  col.accessor((p) => orUndefined(p.actualStartDate), { id: 'actualStart', ...date('实际开工') }),
  col.accessor((p) => orUndefined(p.plannedCompletionDate), { id: 'plannedCompletion', ...date('计划竣工') }),
  col.accessor('totalInvestmentYuan', { id: 'totalInvestment', ...money('总投资', 'totalInvestmentYuan') }),
  col.accessor('annualPlanYuan', { id: 'annualPlan', ...money('本年计划', 'annualPlanYuan') }),
  col.accessor('yearCompletedYuan', { id: 'yearCompleted', ...money('本年完成', 'yearCompletedYuan') }),
  col.accessor((p) => annualCompletionRate(p.yearCompletedYuan, p.annualPlanYuan) ?? undefined, {
    id: 'completionRate',
    header: '完成率',
    meta: { label: '完成率', width: 68, num: true, total: 'completionRate' },
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: (info) => formatPercent(info.row.original.yearCompletedYuan, info.row.original.annualPlanYuan),
  }),
  col.accessor('sinceStartCompletedYuan', {
    id: 'sinceStart',
    ...money('自开工累计', 'sinceStartCompletedYuan'),
  }),
  col.accessor((p) => orUndefined(p.progressText), { id: 'progress', ...text('形象进度', 200, 140) }),
  col.accessor((p) => (p.inStatistics ? '是' : '否'), {
    id: 'inStatistics',
    header: '是否纳统',
    meta: { label: '是否纳统', width: 72 },
    sortFn: 'basic',
  }),
  col.accessor((p) => (p.isInvestmentPromotion ? '是' : '否'), {
    id: 'promotion',
    header: '招商引资',
    meta: { label: '是否招商引资', width: 72 },
    sortFn: 'basic',
    filterFn: promotionFilter,
  }),
  col.accessor('updatedAt', {
    id: 'updatedAt',
    header: '更新时间',
    meta: { label: '更新时间', width: 128, num: true },
    sortFn: 'basic',
    cell: (info) => updatedText(info.getValue()),
  }),
]);

/** Wide or occasional columns start hidden; the clerk's own choice is saved in settings. */
export const DEFAULT_COLUMN_VISIBILITY: ColumnVisibilityState = {
  chainLead: false, // follows from 产业链 unless overridden; the 链长 filter stays in the toolbar
  park: false, // room for 预警 at 1440 wide; the 园区/片区 filter stays in the toolbar
  township: false,
  levels: false, // the 项目级别 filter stays in the toolbar
  contactLeader: false, // the 包挂领导 filter stays in the toolbar
  location: false,
  leadUnit: false,
  responsibleUnits: false,
  nature: false,
  years: false,
  plannedStart: false,
  actualStart: false,
  plannedCompletion: false,
  sinceStart: false,
  progress: false,
  inStatistics: false,
  promotion: false,
  updatedAt: false,
};

const KNOWN_COLUMNS = libraryColumns.map((c) => c.id ?? '');

/** The saved choice on top of the defaults; names of columns that no longer exist are dropped. */
export function columnVisibilityFrom(saved: Record<string, boolean> | null | undefined): ColumnVisibilityState {
  const visibility: ColumnVisibilityState = { ...DEFAULT_COLUMN_VISIBILITY };
  for (const [id, visible] of Object.entries(saved ?? {})) {
    if (KNOWN_COLUMNS.includes(id)) visibility[id] = visible;
  }
  return visibility;
}

/** What is saved: every column spelled out, so a later change of defaults leaves the clerk's choice alone. */
export function visibilityToSave(visibility: ColumnVisibilityState): Record<string, boolean> {
  return Object.fromEntries(KNOWN_COLUMNS.map((id) => [id, visibility[id] !== false]));
}
