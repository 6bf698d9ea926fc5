/**
 * 形象进度 of an example project as it stood on a day: read from its stage, its dates and the nodes done by then,
 * so the text never runs ahead of the record (no 封顶 before the main structure's node is done, no construction
 * before 实际开工, completion wording only once 竣工). Pure and deterministic: the wording is chosen by the name.
 */
import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { yearOf } from '../model/dates';
import type { ProjectFields } from '../model/project';
import { hashSeed } from './demo-random';

export type ProgressSubject = Pick<
  ProjectFields,
  | 'name'
  | 'stage'
  | 'category'
  | 'nature'
  | 'isInvestmentPromotion'
  | 'signingDate'
  | 'startYear'
  | 'plannedStartDate'
  | 'actualStartDate'
  | 'actualCompletionDate'
>;

/** A node as the demo records it: done on its actual date. */
export interface ProgressNode {
  name: string;
  actualDate: string | null;
}

/** Public works read differently from a factory; upgrades and renovations work inside what stands. */
type Works = 'industry' | 'public' | 'upgrade';

type Pools = Record<Works, readonly string[]>;

const RESERVE = {
  signed: ['已签订投资框架协议，正在洽谈正式投资合同', '已签订投资框架协议，正在对接选址和用地指标'],
  negotiating: [
    '投资方已完成实地考察，正在商谈投资协议条款',
    '正在开展项目洽谈，待提交市招商引资项目评审会审议',
    '已完成项目建议书编制，正在开展投资强度和税收测算',
  ],
  own: [
    '正在编制项目建议书',
    '已委托编制可行性研究报告，正在开展方案比选',
    '项目已纳入市级项目库，正在谋划包装和争取上级资金',
  ],
} as const;

/** 前期: what is under way once the nodes before it are done, by the name of the next open node. */
const PRELIMINARY_NEXT: Record<string, string> = {
  '立项（审批/核准/备案）': '可研报告已通过评审，正在办理立项备案手续',
  用地预审与选址意见: '已完成立项备案，正在办理用地预审与选址意见',
  环评批复: '用地预审与选址意见已批复，正在办理环评审批',
  节能审查: '环评已批复，正在办理节能审查',
  '土地摘牌（供地）': '节能审查已通过，正在组织土地挂牌出让',
  工程规划许可: '已完成土地摘牌，正在办理工程规划许可',
  施工图审查: '工程规划许可已办结，施工图正在审查',
  施工许可: '施工图审查已通过，正在办理施工许可',
};
const PRELIMINARY_DONE = '前期手续已全部办结，正在进行施工招标';

const NOT_STARTED = [
  '施工许可证正在办理，暂未开工',
  '受用地报批影响，尚未具备开工条件',
  '施工单位已确定，因征地拆迁未完成暂未进场',
  '土地摘牌后规划方案调整，开工时间推迟',
] as const;

/** The first two weeks after 实际开工. */
const ENTERING: Pools = {
  industry: ['施工队伍已进场，正在进行场地平整'],
  public: ['施工单位已进场，正在搭设围挡和临建'],
  upgrade: ['施工单位已进场，正在拆除老旧设备'],
};
const ENTERING_DAYS = 14;

/** From then until the foundations' node is done. */
const GROUNDWORK: Pools = {
  industry: [
    '已完成场地平整，正在进行桩基施工',
    '场地平整和临建设施完成，正在开挖基础',
    '桩基施工完成，正在进行基础承台施工',
  ],
  public: ['已完成施工围挡和临建，正在进行土方开挖', '正在进行桩基施工，已完成工程量的30%'],
  upgrade: ['老旧设备拆除完成，正在进行基础改造', '施工单位已进场，正在进行拆除和改造施工'],
};

/** Foundations done, main structure under way (新开工), or a 续建 project before its 主体完工 node. */
const STRUCTURE: Pools = {
  industry: ['基础施工完成，主体结构施工至二层', '主体钢结构吊装完成40%', '1#厂房主体施工中，2#厂房基础完工'],
  public: ['基础工程完成，正在进行主体施工', '主体施工过半，同步推进管线迁改'],
  upgrade: ['已完成设备招标，首批设备已到场安装', '车间改造完成约70%，部分设备已到场'],
};
const CONTINUING_STRUCTURE: Pools = {
  industry: ['厂房主体施工完成约70%', '二期厂房钢结构吊装完成80%', '一期已投产，二期主体施工中'],
  public: ['主体工程完成约70%，正在进行配套设施施工', '已完成工程量的60%，正在推进附属工程'],
  upgrade: ['改造工程完成约70%，正在进行设备安装', '车间改造完成80%，部分设备已投入使用'],
};

/** 主体完工（封顶） done: fitting out and installing. */
const FITTING: Pools = {
  industry: ['主体结构封顶，正在进行设备安装', '厂房主体完工，正在进行内外装修', '室外配套工程施工中，设备陆续进场'],
  public: ['主体结构封顶，正在进行水电安装和装饰工程', '主体工程完工，正在进行室外配套施工'],
  upgrade: ['新增设备已完成安装，正在进行联动调试'],
};

/** 设备安装 done: commissioning and 竣工验收 papers. */
const FINISHING: Pools = {
  industry: ['设备调试基本完成，正在办理竣工验收手续', '已进入试生产，正在完善配套设施和验收资料'],
  public: ['主体工程已完工，正在组织竣工验收'],
  upgrade: ['设备调试基本完成，正在办理技改项目验收'],
};

/** Behind its money: the cause, in the words of the phase it is in. */
const LAGGING = {
  entering: ['施工队伍进场后受雨雪天气影响，场地平整进度放缓'],
  groundwork: ['受征地拆迁遗留问题影响，部分区域暂停施工', '受资金到位滞后影响，基础施工进度放缓'],
  structure: ['施工单位调整，主体施工进度滞后', '受资金到位滞后影响，施工进度放缓'],
  fitting: ['设备采购延迟，安装进度滞后于计划'],
  finishing: ['配套工程尚未完工，竣工验收时间推迟'],
} as const;

type Phase = keyof typeof LAGGING;

/** 续建 is past its groundwork: its phase is read from the nodes counted back from 计划竣工. */
const CONTINUING: Record<Exclude<Phase, 'entering' | 'groundwork'>, Pools> = {
  structure: CONTINUING_STRUCTURE,
  fitting: FITTING,
  finishing: FINISHING,
};

function worksOf(project: ProgressSubject): Works {
  if (project.nature === 'upgrade' || project.nature === 'renovation') return 'upgrade';
  return project.category === 'industry' ? 'industry' : 'public';
}

/** The same project always gets the same wording for the same phase. */
function pick(project: ProgressSubject, phase: string, pool: readonly string[]): string {
  return pool[hashSeed(`${project.name}|${phase}`) % pool.length];
}

const isDoneBy = (node: ProgressNode | undefined, on: string): boolean =>
  node?.actualDate != null && node.actualDate <= on;
function doneByName(nodes: readonly ProgressNode[], name: string, on: string): boolean {
  const node = nodes.find((candidate) => candidate.name === name);
  return isDoneBy(node, on);
}

const NEW_START_POOLS: Record<Exclude<Phase, 'finishing'>, Pools> = {
  entering: ENTERING,
  groundwork: GROUNDWORK,
  structure: STRUCTURE,
  fitting: FITTING,
};

/** A 新开工 project's phase, from 实际开工 and its nodes counted forward from 计划开工. */
function newStartPhase(startedOn: string, nodes: readonly ProgressNode[], on: string): keyof typeof NEW_START_POOLS {
  if (doneByName(nodes, '主体施工', on)) return 'fitting';
  if (doneByName(nodes, '基础施工完成', on)) return 'structure';
  return differenceInCalendarDays(parseISO(on), parseISO(startedOn)) < ENTERING_DAYS ? 'entering' : 'groundwork';
}

function reserveProgress(project: ProgressSubject, on: string): string {
  const pool = !project.isInvestmentPromotion
    ? RESERVE.own
    : project.signingDate && project.signingDate <= on
      ? RESERVE.signed
      : RESERVE.negotiating;
  return `${pick(project, 'reserve', pool)}，力争${project.startYear ?? yearOf(on) + 1}年开工`;
}

function preliminaryProgress(project: ProgressSubject, nodes: readonly ProgressNode[], on: string): string {
  const next = nodes.find((node) => !isDoneBy(node, on));
  if (!next) return PRELIMINARY_DONE;
  return PRELIMINARY_NEXT[next.name] ?? `正在办理${next.name}`;
}

function newStartProgress(
  project: ProgressSubject,
  nodes: readonly ProgressNode[],
  on: string,
  lagging: boolean,
): string {
  const started = project.actualStartDate !== null && project.actualStartDate <= on;
  if (!started) {
    if (project.plannedStartDate && project.plannedStartDate > on) {
      return `前期手续基本完成，正在进行施工准备，计划${format(parseISO(project.plannedStartDate), 'M月d日')}开工`;
    }
    return pick(project, 'notStarted', NOT_STARTED);
  }
  const phase = newStartPhase(project.actualStartDate!, nodes, on);
  if (lagging) return pick(project, phase, LAGGING[phase]);
  return pick(project, phase, NEW_START_POOLS[phase][worksOf(project)]);
}

function continuingProgress(
  project: ProgressSubject,
  nodes: readonly ProgressNode[],
  on: string,
  lagging: boolean,
): string {
  const phase: keyof typeof CONTINUING = doneByName(nodes, '设备安装', on)
    ? 'finishing'
    : doneByName(nodes, '主体完工（封顶）', on)
      ? 'fitting'
      : 'structure';
  if (lagging) return pick(project, phase, LAGGING[phase]);
  return pick(project, phase, CONTINUING[phase][worksOf(project)]);
}

function completedProgress(project: ProgressSubject, on: string): string {
  const completion = project.actualCompletionDate ? parseISO(project.actualCompletionDate) : null;
  const when = completion
    ? format(completion, yearOf(project.actualCompletionDate!) === yearOf(on) ? 'M月' : 'yyyy年M月')
    : '';
  if (project.category !== 'industry') return `${when}完工并通过竣工验收，已投入使用`;
  if (worksOf(project) === 'upgrade') return `${when}技改设备安装调试完成，通过验收并投入生产`;
  return `${when}${pick(project, 'completed', ['通过竣工验收，已建成投产', '建成投产，正在办理竣工决算'])}`;
}

/** 形象进度 on `on`; `lagging` (behind its money) names the cause instead of the work done. */
export function progressAsOf(
  project: ProgressSubject,
  nodes: readonly ProgressNode[],
  on: string,
  lagging = false,
): string {
  switch (project.stage) {
    case 'reserve':
      return reserveProgress(project, on);
    case 'preliminary':
      return preliminaryProgress(project, nodes, on);
    case 'new_start':
      return newStartProgress(project, nodes, on, lagging);
    case 'continuing':
      return continuingProgress(project, nodes, on, lagging);
    case 'completed':
      return completedProgress(project, on);
  }
}
