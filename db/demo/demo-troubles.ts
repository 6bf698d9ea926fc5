/**
 * What holds example projects up: the 存在问题 of their dispatch entries, the problems raised from them, and what
 * the unit reported when it was solved. Each fits only projects where it can happen (no 施工用电 for a project
 * still doing approvals, no land approval for one already building).
 */
import type { ProblemCategory } from '../model/problems';
import type { ProjectFields } from '../model/project';

export interface DemoTrouble {
  problem: string;
  coordination: string;
  category: ProblemCategory;
  /** the unit it is assigned to; null: the project's own first responsible unit (where it is built) */
  unit: string | null;
  /** what the unit reports when it asks to strike it off (申请销号) */
  result: string;
  fits(project: TroubleSubject, on: string): boolean;
  /** the node it holds up: no such trouble once that node is done */
  awaits?: string;
}

export type TroubleSubject = Pick<ProjectFields, 'stage' | 'actualStartDate'>;

const startedBy = (project: TroubleSubject, on: string): boolean =>
  project.actualStartDate !== null && project.actualStartDate <= on;
const notStartedNewStart = (project: TroubleSubject, on: string): boolean =>
  project.stage === 'new_start' && !startedBy(project, on);
const building = (project: TroubleSubject, on: string): boolean =>
  (project.stage === 'new_start' || project.stage === 'continuing') && startedBy(project, on);

export const DEMO_TROUBLES: readonly DemoTrouble[] = [
  {
    problem: '项目选址和用地指标尚未落实',
    coordination: '请市自然资源局协助落实用地指标',
    category: 'land',
    unit: '市自然资源局',
    result: '用地指标已落实，选址意见已出具',
    fits: (project) => project.stage === 'reserve',
  },
  {
    problem: '用地报批进度较慢，影响土地摘牌',
    coordination: '请市自然资源局加快用地报批',
    category: 'land',
    unit: '市自然资源局',
    result: '用地已获批复，土地已挂牌出让',
    awaits: '土地摘牌（供地）',
    fits: (project, on) => project.stage === 'preliminary' || notStartedNewStart(project, on),
  },
  {
    problem: '环评批复尚未取得',
    coordination: '请市生态环境局加快环评审批',
    category: 'approval',
    unit: '市生态环境局',
    result: '环评已批复，批复文件已送达建设单位',
    awaits: '环评批复',
    fits: (project, on) => project.stage === 'preliminary' || notStartedNewStart(project, on),
  },
  {
    problem: '施工用电尚未接通',
    coordination: '请国网湘乡市供电公司协调临时用电',
    category: 'utilities',
    unit: '市发展和改革局',
    result: '施工临时用电已接通，正式用电已列入供电计划',
    fits: (project) => project.stage === 'new_start' || project.stage === 'continuing',
  },
  {
    problem: '项目资金未完全到位',
    coordination: '请市发展和改革局协助对接银行信贷',
    category: 'funds',
    unit: '市发展和改革局',
    result: '已对接银行授信，首笔项目贷款已到位',
    fits: (project) => project.stage !== 'reserve' && project.stage !== 'completed',
  },
  {
    problem: '周边群众对施工噪音有意见',
    coordination: '请属地政府（园区管委会）做好群众工作',
    category: 'other',
    unit: null,
    result: '属地已召开协调会，调整夜间施工时段，群众诉求已妥善处理',
    fits: building,
  },
];

export function troublesFitting(
  project: TroubleSubject,
  nodes: readonly { name: string; actualDate: string | null }[],
  on: string,
): DemoTrouble[] {
  const doneBy = (name: string) => nodes.some((node) => node.name === name && node.actualDate && node.actualDate <= on);
  return DEMO_TROUBLES.filter((trouble) => trouble.fits(project, on) && !(trouble.awaits && doneBy(trouble.awaits)));
}
