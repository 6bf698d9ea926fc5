import type { LightLevel } from '../../../db/model/lights';

/**
 * A light level, 'missing' for the projects marked 资料待补 whatever their light, or 'suspended' for the
 * 停建/缓建 projects, which have no light.
 */
export type LightChoice = LightLevel | 'missing' | 'suspended';

export const LIGHT_CHOICES: readonly LightChoice[] = ['red', 'yellow', 'green', 'missing', 'suspended'];

export function isLightChoice(value: unknown): value is LightChoice {
  return typeof value === 'string' && (LIGHT_CHOICES as readonly string[]).includes(value);
}

/** The one rule of a 预警 filter: a 停建/缓建 project is in no light, only in 停缓建 (and 资料待补 if it lacks data). */
export function matchesLightChoices(
  row: { light?: LightLevel; missingFields?: readonly string[]; suspended?: unknown },
  lights: readonly LightChoice[],
): boolean {
  if (lights.length === 0) return true;
  if (lights.includes('missing') && Boolean(row.missingFields?.length)) return true;
  if (row.suspended) return lights.includes('suspended');
  return Boolean(row.light && lights.includes(row.light));
}
