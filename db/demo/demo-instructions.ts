import { addDays, format, parseISO } from 'date-fns';
import type { Stage } from '../model/stages';

// The example office's 领导批示 (issue #17 item 4): a few on projects that have a 包挂领导, in their leader's name,
// dated from today so that one is overdue (red), one is still within its 办理时限 and one was 办结. Pure and
// deterministic: the same projects and today give the same 批示.

export interface DemoInstruction {
  /** index into the projects given */
  projectIndex: number;
  issuedOn: string;
  leaderName: string;
  content: string;
  deadline: string;
  progress: string;
  /** 办结 on this day; null: still open */
  closedOn: string | null;
}

const PLAN = [
  {
    issued: -40,
    due: -10,
    closed: null,
    content: '请市自然资源局加快项目用地报批，确保本月内完成供地，按周报告进展。',
    progress: '用地报批材料已上报，待省厅审查。',
  },
  {
    issued: -6,
    due: 24,
    closed: null,
    content: '协调供电公司尽快完成项目用电增容，保障设备调试按期进行。',
    progress: '',
  },
  {
    issued: -60,
    due: -30,
    closed: -33,
    content: '督促施工单位加大人员机械投入，确保主体工程按节点完成。',
    progress: '已约谈施工单位，增派两个施工班组，主体工程已按节点完成。',
  },
] as const;

/** Three 批示, each on the first running project of another 包挂领导 (named by `leaderNameOf`). */
export function demoInstructions(
  projects: readonly { stage: Stage; contactLeaderId: number | null }[],
  leaderNameOf: (id: number) => string | undefined,
  today: string,
): DemoInstruction[] {
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  const firstOfLeader = new Map<number, { index: number; contactLeaderId: number }>();
  projects.forEach((p, index) => {
    const leader = p.contactLeaderId;
    const running = p.stage === 'continuing' || p.stage === 'new_start';
    if (running && leader !== null && !firstOfLeader.has(leader))
      firstOfLeader.set(leader, { index, contactLeaderId: leader });
  });
  const chosen = [...firstOfLeader.values()];
  return PLAN.slice(0, chosen.length).map((plan, i) => {
    const project = chosen[i];
    return {
      projectIndex: project.index,
      issuedOn: day(plan.issued),
      leaderName: leaderNameOf(project.contactLeaderId as number) ?? '市领导',
      content: plan.content,
      deadline: day(plan.due),
      progress: plan.progress,
      closedOn: plan.closed === null ? null : day(plan.closed),
    };
  });
}
