import type { DispatchTexts } from '../../db/model/dispatch';
import type { ProblemCategory } from '../../db/model/problems';

/** A small deterministic generator (mulberry32), so every build of the office writes the same words. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const upTo = (random: Random, max: number) => 1 + Math.floor(random() * max);

const PLACES = ['湘乡', '东山', '龙洞', '棋梓', '壶天', '翻江', '毛田', '金薮', '泉塘', '月山', '虞唐', '白田'];
const PRODUCTS = [
  '锂电池正极材料',
  '新能源汽车零部件',
  '芯片封装测试',
  '高端装备制造',
  '精细化工新材料',
  '农产品冷链物流',
  '智能电网设备',
  '生物医药原料',
  '绿色建材',
  '电子信息产业园',
  '食品精深加工',
  '光伏组件',
  '特种钢材',
  '文旅综合体',
];
const KINDS = ['生产线建设项目', '产业园一期工程', '扩能改造项目', '标准厂房及配套设施', '综合开发项目', '技改项目'];

export function projectName(random: Random, index: number): string {
  const capacity = upTo(random, 50) * 10;
  return `${pick(random, PLACES)}年产${capacity}万件${pick(random, PRODUCTS)}${pick(random, KINDS)}（${index + 1}）`;
}

export function projectContent(random: Random): string {
  return `新建厂房${upTo(random, 12) * 5000}平方米，购置生产设备${upTo(random, 300)}台（套），配套建设仓储、办公及环保设施`;
}

const PREPARING = [
  () => '项目备案手续办理中',
  (r: Random) => `环评报告已完成第${upTo(r, 3)}稿，待专家评审`,
  () => '用地预审材料已报市自然资源局',
  (r: Random) => `完成可研报告编制，估算总投资${upTo(r, 90) + 10}亿元`,
  () => '规划设计方案已通过县规委会审查',
  (r: Random) => `征地拆迁完成${upTo(r, 95)}%`,
  () => '施工图设计进行中，同步开展招标准备',
  () => '能评、安评材料已提交审批',
];
const BUILDING = [
  (r: Random) => `主体结构施工至第${upTo(r, 18)}层`,
  (r: Random) => `完成投资${upTo(r, 900) * 10}万元`,
  (r: Random) => `${upTo(r, 6)}号厂房钢结构吊装完成${upTo(r, 95)}%`,
  () => '设备进场，开始安装调试',
  (r: Random) => `桩基施工完成${upTo(r, 800)}根`,
  (r: Random) => `场地平整完成${upTo(r, 120)}亩`,
  () => '屋面及外墙施工同步推进',
  (r: Random) => `现场施工人员${upTo(r, 400) + 50}人，机械${upTo(r, 40)}台`,
  () => '室外管网及道路硬化施工中',
  (r: Random) => `生产线已试产，产能达设计的${upTo(r, 90)}%`,
];
const NEXT = [
  (r: Random) => `完成第${upTo(r, 18)}层楼板浇筑`,
  () => '推进设备安装调试',
  () => '开展消防及规划验收准备',
  (r: Random) => `计划完成投资${upTo(r, 500) * 10}万元`,
  () => '加快办理施工许可',
  () => '组织专家评审并修改完善',
];
const STUCK = [
  '施工用电未接通，需供电公司协调',
  '用地指标未落实',
  '项目资金到位不足，融资未落地',
  '环评批复尚未取得',
  '周边群众阻工，需属地乡镇协调',
  '施工用水管网未接入',
  '熟练工人短缺',
];
const ASKS = [
  '请县发改局协调',
  '请供电公司加快接电',
  '请自然资源局加快报批',
  '请属地乡镇做好群众工作',
  '请住建局提前介入验收',
];
const CATEGORIES: ProblemCategory[] = ['utilities', 'land', 'funds', 'approval', 'demolition', 'labour', 'other'];

/** A week's four texts: sentences built from phrase lists with numbers, as a clerk reports them. */
export function weekTexts(random: Random, started: boolean): DispatchTexts {
  const phrases = started ? BUILDING : PREPARING;
  const progress = [pick(random, phrases)(random), pick(random, phrases)(random)].join('；');
  const stuck = random() < 0.2;
  return {
    progress,
    problems: stuck ? pick(random, STUCK) : '',
    coordination: stuck && random() < 0.6 ? pick(random, ASKS) : '',
    nextPlan: pick(random, NEXT)(random),
  };
}

export function problemOf(random: Random): { description: string; category: ProblemCategory } {
  const index = Math.floor(random() * STUCK.length);
  return { description: `${STUCK[index]}（${upTo(random, 900)}号）`, category: CATEGORIES[index] };
}

/** Search terms the library is measured with: 3 and 2 characters, found in a part of the names. */
export const SEARCH_TERMS = { three: '新材料', two: '芯片' } as const;

export const NODE_NAMES = [
  '项目签约',
  '项目备案',
  '用地预审',
  '环评批复',
  '规划许可',
  '施工许可',
  '实际开工',
  '桩基完成',
  '基础完成',
  '主体结构过半',
  '主体封顶',
  '屋面完成',
  '设备采购',
  '设备进场',
  '设备安装',
  '室外工程',
  '消防验收',
  '试生产',
  '竣工验收',
  '投产达效',
];
