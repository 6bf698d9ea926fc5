import { chineseNumber } from '../../db/model/dispatch-print';
import { isOpen, type ProblemListRow } from '../../db/model/problems';
import type { ProblemPrint } from '../../electron/api-spec';

type PrintedGroup = ProblemPrint['groups'][number];

/** The table body as a flat list of lines, so the preview can deal them out to pages. */
export type ProblemSheetLine =
  | { kind: 'group'; key: string; title: string }
  | { kind: 'row'; key: string; serial: number; problem: ProblemListRow }
  | { kind: 'empty'; key: string };

export interface ProblemCounts {
  count: number;
  open: number;
  overdue: number;
}

export function countProblems(problems: readonly ProblemListRow[]): ProblemCounts {
  return {
    count: problems.length,
    open: problems.filter((p) => isOpen(p.status)).length,
    overdue: problems.filter((p) => p.daysOverdue > 0).length,
  };
}

/** 一、市自然资源局（未销号3个，超期1个）; with closed ones printed too, 共N个 comes first. */
export function groupTitle(index: number, group: PrintedGroup, withClosed: boolean): string {
  const c = countProblems(group.problems);
  const counts = `${withClosed ? `共${c.count}个，` : ''}未销号${c.open}个，超期${c.overdue}个`;
  return `${chineseNumber(index + 1)}、${group.title}（${counts}）`;
}

/** Every problem once, however many unit groups it is listed under. */
export function distinctProblems(data: ProblemPrint): ProblemListRow[] {
  const byId = new Map(data.groups.flatMap((group) => group.problems.map((p) => [p.id, p] as const)));
  return [...byId.values()];
}

/** 序号 starts again in each group: a problem shared by two units is listed under each of them. */
export function problemSheetLines(data: ProblemPrint, withClosed: boolean): ProblemSheetLine[] {
  if (data.groups.length === 0) return [{ kind: 'empty', key: 'empty' }];
  return data.groups.flatMap((group, index): ProblemSheetLine[] => [
    { kind: 'group', key: `group-${group.key}`, title: groupTitle(index, group, withClosed) },
    ...group.problems.map((problem, i) => ({
      kind: 'row' as const,
      key: `row-${group.key}-${problem.id}`,
      serial: i + 1,
      problem,
    })),
  ]);
}
