import type { HTMLAttributes } from 'react';
import { formatWan } from '../../db/model/money';

export interface MoneyCellProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** integer yuan, as every amount is held */
  yuan: number | null | undefined;
}

/** An amount shown in 万元 with two decimals, right-aligned in tabular figures; empty when there is none. */
export function MoneyCell({ yuan, className, ...rest }: MoneyCellProps) {
  return (
    <span {...rest} className={['num', className].filter(Boolean).join(' ')}>
      {formatWan(yuan)}
    </span>
  );
}
