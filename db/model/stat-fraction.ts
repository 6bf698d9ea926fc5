/** A rate with what it is made of, so a screen or paper can show “12/15” beside 80.0%. */
export interface Fraction {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, unrounded; null when the denominator is 0 (nothing to count) */
  value: number | null;
}

export function fraction(numerator: number, denominator: number): Fraction {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/**
 * How far a rate is ahead of 序时进度 in percentage points (negative: behind), unrounded. Only float noise
 * (…0000004) is taken off, as lights.ts's pointsBehind does, so both engines and every screen read one figure.
 */
export function pointsAhead(rate: number, timeProgress: number): number {
  return Math.round((rate - timeProgress) * 100 * 1e6) / 1e6 + 0;
}
