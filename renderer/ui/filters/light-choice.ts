import type { LightLevel } from '../../../db/model/lights';

/** A light level, or 'missing' for the projects marked 资料待补 whatever their light. */
export type LightChoice = LightLevel | 'missing';

export const LIGHT_CHOICES: readonly LightChoice[] = ['red', 'yellow', 'green', 'missing'];

export function isLightChoice(value: unknown): value is LightChoice {
  return typeof value === 'string' && (LIGHT_CHOICES as readonly string[]).includes(value);
}
