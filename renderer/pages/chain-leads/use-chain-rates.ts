import { useMemo } from 'react';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { useRankingMonth } from '../../hooks/use-ranking-month';
import type { ChainRates } from './ChainMultiples';

/** Every chain's figures of `stats.ranking { by: 'chain' }` at the 工作台's month, for the small multiples. */
export function useChainRates(): ChainRates | undefined {
  const at = useRankingMonth();
  const ranking = useApi(
    'stats.ranking',
    { year: at?.year ?? 2000, month: at?.month ?? 1, by: 'chain' },
    { enabled: at !== undefined },
  );
  useLiveChanges(CHANGE_KINDS, () => void ranking.reload());
  const data = ranking.data;
  return useMemo(
    () =>
      data && {
        month: data.month,
        timeProgress: data.timeProgress,
        figures: new Map(data.rows.map((row) => [Number(row.group.key), row.figures])),
      },
    [data],
  );
}
