import { YUAN_PER_WAN } from '../../../db/model/money';
import { colors, FONT_FAMILY, sizes } from '../tokens';
import type { ChartOption } from './echarts-setup';

/** Money on a chart's axis is 万元, to two decimals like every money figure the clerks read. */
export function wanValue(yuan: number): number {
  return Math.round(yuan / 100) / (YUAN_PER_WAN / 100);
}

/** The settings every chart shares: the screens' font, calm axes, no animation (charts redraw on live changes). */
export function baseOption(): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: sizes.fontSizeSmall, color: colors.textSecondary },
    tooltip: { confine: true, textStyle: { fontSize: sizes.fontSizeSmall } },
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: colors.textSecondary } },
  };
}

/** A category axis with the screens' line colours. */
export function categoryAxis(data: string[]) {
  return {
    type: 'category' as const,
    data,
    axisLine: { lineStyle: { color: colors.borderStrong } },
    axisTick: { show: false },
    axisLabel: { color: colors.textSecondary },
  };
}

/** A value axis with faint grid lines; `name` is the unit shown above it (个, 万元). */
export function valueAxis(name?: string) {
  return {
    type: 'value' as const,
    name,
    nameTextStyle: { color: colors.textFaint, align: 'left' as const },
    minInterval: 1,
    splitLine: { lineStyle: { color: colors.borderLight } },
    axisLabel: { color: colors.textMuted },
  };
}
