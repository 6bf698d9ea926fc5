import type { ProblemListRow } from '../../db/model/problems';
import type { ProblemPrint } from '../../electron/api-spec';

/**
 * The problems to print, in the order asked, each once (grouped print data repeats a problem under each of
 * its units). An error message instead when any asked-for problem is gone: half a batch must not print.
 */
export function slipProblems(data: ProblemPrint, ids: readonly number[]): ProblemListRow[] | { error: string } {
  if (ids.length === 0) return { error: '没有选择要打印的问题，请回到“问题督办”重新选择。' };
  const byId = new Map(data.groups.flatMap((group) => group.problems.map((p) => [p.id, p] as const)));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    return { error: `有 ${missing.length} 个问题已不存在（可能已被删除），请回到“问题督办”重新选择。` };
  }
  return ids.map((id) => byId.get(id)!);
}
