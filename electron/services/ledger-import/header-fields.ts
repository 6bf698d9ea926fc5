import type { LedgerField } from '../../../db/model/ledger-fields';
import type { MoneyUnit } from './cell-values';

// What a ledger column holds, from its header text. Offices name the same column many ways (建设单位, 项目业主,
// 业主单位…) and split some under a two-level header (投资情况 → 总投资, 本年计划, 1—10月完成); the patterns
// are tried in order on the normalised text, parent and child joined, so the more specific win.

export type { LedgerField };

const PATTERNS: [RegExp, LedgerField][] = [
  [/^序号$|^编号序号$/, 'serial'],
  [/项目编号|项目代码|项目编码/, 'code'],
  [/项目名称|^项目名$|^名称$/, 'name'],
  [/建设单位|项目业主|业主单位|实施单位|项目单位|^业主$|申报单位/, 'owner'],
  [/建设地点|建设地址|项目地址|项目地点|^地点$|^地址$/, 'location'],
  [/建设性质|^性质$/, 'nature'],
  [/所处阶段|项目阶段|^阶段$|项目状态/, 'stage'],
  [/建设内容|建设规模|主要内容/, 'content'],
  [/(起止|建设)(年限|期限|年度|工期)|起止年|建设周期/, 'years'],
  [/(开工|开始|起始|起)年(份)?$/, 'startYear'],
  [/(竣工|结束|完工|止)年(份)?$/, 'endYear'],
  [/完成率|完成比例|完成进度%|完成%/, 'rate'],
  [/\d{1,2}月.*完成|本年.*完成|年度完成|今年完成|年内完成/, 'yearCompleted'],
  [/自开工|开工以来|开工至今|累计完成投资$|累计完成$|至今累计/, 'sinceStart'],
  [/截至上年|截止上年|以前年度|上年底|往年累计/, 'beforeYear'],
  [/招商引资|是否招商/, 'investmentPromotion'],
  [/合同投资|协议投资|签约投资/, 'contractInvestment'],
  [/到位资金|资金到位|实际到位/, 'fundsInPlace'],
  [/注册(日期|时间)$|^注册$/, 'registration'],
  [/投产日期|实际投产/, 'production'],
  [/总投资/, 'total'],
  [/完成投资/, 'yearCompleted'],
  [/计划投资|投资计划|年度计划|本年计划|年计划/, 'annualPlan'],
  [/形象进度|工程进度|进展情况|项目进展|进度情况|建设进度|^进度$|本周进展/, 'progress'],
  [/存在问题|存在的问题|问题及困难|困难问题|^问题$/, 'problems'],
  [/链长/, 'chainLead'],
  [/产业链|所属链|^链$/, 'chain'],
  [/牵头单位|牵头部门|牵头领导单位/, 'leadUnit'],
  [/责任单位|责任部门|配合单位|包联单位/, 'responsibleUnits'],
  [/实际开工|开工.*实际/, 'actualStart'],
  [/计划开工|开工时间|开工日期|开工$/, 'plannedStart'],
  [/实际(竣工|完工|建成)|(竣工|完工|建成).*实际/, 'actualCompletion'],
  [/计划竣工|计划完工|计划建成|竣工时间|竣工日期|完工时间|投产时间/, 'plannedCompletion'],
  [/签约/, 'signing'],
  [/纳统|入统|入库/, 'inStatistics'],
  [/预警|亮灯|红黄灯|^灯$/, 'light'],
  [/备注/, 'note'],
  [/项目类别|项目类型|^类别$/, 'category'],
  [/包挂领导|包挂市领导|联系领导|联系市领导|挂点领导/, 'contactLeader'],
  [/责任人|包联领导/, 'responsiblePerson'],
  [/联系人/, 'contactPerson'],
  [/联系电话|电话/, 'contactPhone'],
  [/园区|片区/, 'park'],
  [/项目级别|^级别$|重点级别|重点类别/, 'levels'],
  [/所在乡镇|乡镇|街道/, 'township'],
  [/停缓建|停建|缓建/, 'suspension'],
];

export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[－–]/g, '-');
}

function withoutUnits(text: string): string {
  return normaliseHeader(text).replace(/\((万元|亿元|元|个|%|年|月|日|是\/否|是或否)\)/g, '');
}

/** The column's field, or undefined when it is not one the app keeps. */
export function fieldOfHeader(text: string): LedgerField | undefined {
  const normalised = withoutUnits(text);
  if (!normalised) return undefined;
  return PATTERNS.find(([pattern]) => pattern.test(normalised))?.[1];
}

/** Every field the header's words could mean, the likeliest first: what the preview offers first in its select. */
export function candidatesOfHeader(text: string): LedgerField[] {
  const normalised = withoutUnits(text);
  if (!normalised) return [];
  return [...new Set(PATTERNS.filter(([pattern]) => pattern.test(normalised)).map(([, field]) => field))];
}

/**
 * 累计完成投资 with nothing saying since when (本年, 1—N月, 开工以来, 自开工, 截至上年…) could be this year's or
 * since the start: an import must not guess it silently.
 */
export function isAmbiguousCompletion(text: string): boolean {
  const normalised = withoutUnits(text);
  return (
    /累计完成/.test(normalised) &&
    !/本年|年度|今年|年内|\d{1,2}月|开工|以来|至今|上年|以前|往年|总|计划|率|%/.test(normalised)
  );
}

/** 亿元 or 万元 when the header says so. */
export function unitOfHeader(text: string): MoneyUnit | undefined {
  if (/亿元|亿/.test(text)) return 'yi';
  if (/万元|万/.test(text)) return 'wan';
  return undefined;
}

/** 1—10月完成投资 → 10: the months the figure covers. */
export function monthsOfHeader(text: string): number | undefined {
  const normalised = normaliseHeader(text);
  const span =
    /1?\s*[-—~～至到]\s*(\d{1,2})月/.exec(normalised) ?? /(\d{1,2})月(份)?(累计|底|末)?完成/.exec(normalised);
  if (!span) return undefined;
  const month = Number(span[1]);
  return month >= 1 && month <= 12 ? month : undefined;
}
