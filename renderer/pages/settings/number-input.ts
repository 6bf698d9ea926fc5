import type { CSSProperties } from 'react';

/** InputNumber's own styles outrank a stylesheet rule, so the alignment goes in through its semantic styles. */
export const RIGHT_ALIGNED_INPUT: { input: CSSProperties } = {
  input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
};
