import type { LightThresholds } from '../../db/model/lights';

/** The thresholds typed into number boxes; the report weekday is picked from a list. */
export type ThresholdKey = Exclude<keyof LightThresholds, 'reportDeadlineWeekday'>;

/** Names and limits as the server states them (api-spec's thresholdsSchema): 设置 edits them, 变更记录 names them. */
export const THRESHOLD_FIELDS: Record<ThresholdKey, { label: string; unit: string; max: number }> = {
  startRedDays: { label: '开工红灯天数', unit: '天', max: 3650 },
  milestoneDueDays: { label: '节点临期天数', unit: '天', max: 365 },
  investmentYellowPoints: { label: '投资黄灯百分点', unit: '个百分点', max: 100 },
  investmentRedPoints: { label: '投资红灯百分点', unit: '个百分点', max: 100 },
  statisticsYellowMonths: { label: '纳统黄灯月数', unit: '个月', max: 24 },
  statisticsRedMonths: { label: '纳统红灯月数', unit: '个月', max: 24 },
  problemDueDays: { label: '问题临期天数', unit: '天', max: 365 },
  instructionRedDays: { label: '批示红灯天数', unit: '天', max: 365 },
};
