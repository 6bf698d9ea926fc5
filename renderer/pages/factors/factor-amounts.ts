import { formatHundredths, type ShortfallKind } from '../../../db/model/factors';
import { formatWan } from '../../../db/model/money';

/** A shortfall list's figure as the screen and the problem text show it: 万元 for funds, else 亩/吨标准煤. */
export function amountText(kind: ShortfallKind, value: number): string {
  return kind === 'funds' ? formatWan(value) : formatHundredths(value);
}
