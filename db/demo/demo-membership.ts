import { parseISO, subDays } from 'date-fns';
import { toIsoDate } from '../model/dates';
import type { SuspensionKind, TransferDirection } from '../model/list-membership';
import type { Stage } from '../model/stages';

// 动态管理 in the example office (issue #17): one project 调入 a list mid-year, one 调出, one 缓建 — each the
// first project in the office's order that fits, so the example is the same every time for the same day.

interface DemoMember {
  id: number;
  stage: Stage;
  levelIds: readonly number[];
  actualStartDate: string | null;
}

export interface DemoTransfer {
  projectId: number;
  levelId: number;
  direction: TransferDirection;
  date: string;
  reason: string;
}

export interface DemoSuspension {
  projectId: number;
  kind: SuspensionKind;
  date: string;
  reason: string;
}

/** The moves, dated back from today so they fall in the year the example office shows (its today is late in it). */
export function demoListMoves(
  projects: readonly DemoMember[],
  levels: { prefectureId: number | undefined },
  today: string,
): { transfers: DemoTransfer[]; suspensions: DemoSuspension[] } {
  const back = (days: number) => toIsoDate(subDays(parseISO(today), days));
  const transfers: DemoTransfer[] = [];
  const suspensions: DemoSuspension[] = [];
  const { prefectureId } = levels;
  const running = (p: DemoMember) => p.stage === 'continuing' || p.stage === 'new_start';
  if (prefectureId !== undefined) {
    const joining = projects.find((p) => running(p) && p.levelIds.length > 0 && !p.levelIds.includes(prefectureId));
    if (joining) {
      transfers.push({
        projectId: joining.id,
        levelId: prefectureId,
        direction: 'in',
        date: back(150),
        reason: '湘潭市重点项目年中调整，增补列入',
      });
    }
    const leaving = projects.find((p) => running(p) && p.levelIds.includes(prefectureId) && p.id !== joining?.id);
    if (leaving) {
      transfers.push({
        projectId: leaving.id,
        levelId: prefectureId,
        direction: 'out',
        date: back(120),
        reason: '总投资调减至3亿元以下，湘潭市年中调整时调出',
      });
    }
  }
  const paused = projects.find((p) => p.stage === 'new_start' && !p.actualStartDate);
  if (paused) {
    suspensions.push({
      projectId: paused.id,
      kind: 'deferred',
      date: back(60),
      reason: '企业融资未落实，申请暂缓建设',
    });
  }
  return { transfers, suspensions };
}
