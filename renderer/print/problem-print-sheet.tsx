import type { ReactNode } from 'react';
import { formatChineseDate } from '../../db/model/dates';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_STATUS_LABELS, type ProblemListRow } from '../../db/model/problems';
import type { ProblemPrint } from '../../electron/api-spec';
import type { ProblemListPrintOptions } from './problem-print-options';
import { countProblems, distinctProblems, type ProblemSheetLine } from './problem-print-lines';
import type { PaperSize } from './print-options';
import { contentBoxMm } from './print-paper';

const COLUMNS = [
  'serial',
  'code',
  'project',
  'description',
  'category',
  'units',
  'raisedOn',
  'deadline',
  'status',
  'daysOpen',
  'daysOverdue',
] as const;
type Column = (typeof COLUMNS)[number];

const HEAD: Record<Column, ReactNode> = {
  serial: '序号',
  code: '编号',
  project: '项目名称',
  description: '问题描述',
  category: '类别',
  units: '牵头单位/责任单位',
  raisedOn: '登记日期',
  deadline: '办结时限',
  status: '状态',
  daysOpen: (
    <>
      <span className="paper-head-line">办理</span>
      <span className="paper-head-line">天数</span>
    </>
  ),
  daysOverdue: (
    <>
      <span className="paper-head-line">超期</span>
      <span className="paper-head-line">天数</span>
    </>
  ),
};

// Widths in mm of the columns whose content has a known size; 问题描述 takes the rest of the line.
const FIXED_MM: Record<PaperSize, Record<Exclude<Column, 'description'>, number>> = {
  A4: {
    serial: 9,
    code: 24,
    project: 40,
    category: 14,
    units: 34,
    raisedOn: 19,
    deadline: 19,
    status: 15,
    daysOpen: 11,
    daysOverdue: 11,
  },
  A3: {
    serial: 11,
    code: 27,
    project: 56,
    category: 16,
    units: 46,
    raisedOn: 22,
    deadline: 22,
    status: 17,
    daysOpen: 13,
    daysOverdue: 13,
  },
};

function widthsMm(paper: PaperSize): Record<Column, number> {
  const fixed = FIXED_MM[paper];
  const used = Object.values(fixed).reduce((sum, w) => sum + w, 0);
  return { ...fixed, description: contentBoxMm(paper).width - used };
}

/** One name when the lead unit handles it alone, else 牵头 and 责任 on their own lines. */
function unitsText(p: ProblemListRow): ReactNode {
  const lead = p.leadUnitName ?? '';
  const others = p.responsibleUnitNames.filter((name) => name !== lead);
  if (!others.length) return lead;
  if (!lead) return others.join('、');
  return (
    <>
      <span className="paper-head-line">牵头：{lead}</span>
      责任：{others.join('、')}
    </>
  );
}

function Row({ serial, problem: p }: { serial: number; problem: ProblemListRow }) {
  const overdue = p.daysOverdue > 0;
  return (
    <tr className="paper-row">
      <td className="paper-center">{serial}</td>
      <td className="psheet-code">{p.code}</td>
      <td>{p.projectName}</td>
      <td className="paper-text">{p.description}</td>
      <td className="paper-center">{PROBLEM_CATEGORY_LABELS[p.category]}</td>
      <td>{unitsText(p)}</td>
      <td className="psheet-date">{p.raisedOn}</td>
      <td className="psheet-date">{p.deadline ?? ''}</td>
      <td className="paper-center">
        {PROBLEM_STATUS_LABELS[p.status]}
        {overdue && <b className="psheet-overdue-mark">超期</b>}
      </td>
      <td className="num">{p.daysOpen}</td>
      <td className="num">{overdue ? <b className="psheet-overdue">{p.daysOverdue}</b> : ''}</td>
    </tr>
  );
}

function Line({ line }: { line: ProblemSheetLine }) {
  switch (line.kind) {
    case 'group':
      return (
        <tr className="paper-group">
          <td colSpan={COLUMNS.length}>{line.title}</td>
        </tr>
      );
    case 'row':
      return <Row serial={line.serial} problem={line.problem} />;
    case 'empty':
      return (
        <tr className="paper-row">
          <td colSpan={COLUMNS.length} className="paper-center paper-empty">
            没有符合条件的问题
          </td>
        </tr>
      );
  }
}

export function ProblemListTable({ paper, lines }: { paper: PaperSize; lines: ProblemSheetLine[] }) {
  const widths = widthsMm(paper);
  return (
    <table className="paper-table psheet-table">
      <colgroup>
        {COLUMNS.map((column) => (
          <col key={column} style={{ width: `${widths[column].toFixed(2)}mm` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column}>{HEAD[column]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <Line key={line.key} line={line} />
        ))}
      </tbody>
    </table>
  );
}

const GROUP_TEXT = { unit: '按单位分组', chainLead: '按链长分组' } as const;
const SCOPE_TEXT = { open: '范围：未销号问题', all: '范围：全部问题（含已销号）' } as const;

export function ProblemListTitle({
  data,
  options,
}: {
  data: ProblemPrint;
  options: Pick<ProblemListPrintOptions, 'group' | 'scope'>;
}) {
  const c = countProblems(distinctProblems(data));
  const counts = options.scope === 'all' ? `共${c.count}个问题，未销号${c.open}个` : `未销号问题${c.open}个`;
  return (
    <header className="paper-head">
      <h1 className="paper-title">{data.title}</h1>
      <div className="paper-subhead">
        <span>{`${GROUP_TEXT[options.group]}\u3000${SCOPE_TEXT[options.scope]}`}</span>
        <span className="paper-center">截至日期：{formatChineseDate(data.printedOn)}</span>
        <span className="paper-unit">
          {counts}，其中超期{c.overdue}个
        </span>
      </div>
    </header>
  );
}

export function ProblemListSign({ data }: { data: ProblemPrint }) {
  return (
    <div className="paper-sign">
      <span>填表人：{data.operatorName}</span>
      <span>
        审核人：
        <span className="paper-blank" />
      </span>
      <span>填报日期：{formatChineseDate(data.printedOn)}</span>
    </div>
  );
}
