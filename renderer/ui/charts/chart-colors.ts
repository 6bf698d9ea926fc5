import type { LightLevel } from '../../../db/model/lights';
import type { Stage } from '../../../db/model/stages';
import { colors } from '../tokens';

// The charts' colours are the screens' own (tokens.ts): lights as LightBadge draws them, stages as StageTag.

export const LIGHT_COLORS: Record<LightLevel, string> = {
  red: colors.red,
  yellow: colors.yellow,
  green: colors.green,
};

export const STAGE_COLORS: Record<Stage, string> = {
  reserve: colors.stageReserve,
  preliminary: colors.stagePreliminary,
  new_start: colors.brand,
  continuing: colors.greenText,
  completed: colors.textMuted,
};

/** 完成 in the brand blue, the plan and 序时进度 in the quiet grey of a reference line. */
export const SERIES_COLORS = {
  actual: colors.brand,
  plan: colors.textFaint,
  pace: colors.yellowText,
} as const;
