import type { Chain } from '../../../db/model/reference';

interface Named {
  id: number;
  name: string;
  retired: boolean;
}

export interface ReferenceOption {
  value: number;
  label: string;
  /** 链长, for the chain select */
  lead?: string;
}

export const RETIRED_MARK = '（已停用）';

/** Live entries for new choices; a retired one stays only where the project already has it, marked. */
export function referenceOptions(
  items: readonly Named[],
  kept: readonly (number | null | undefined)[],
): ReferenceOption[] {
  return items
    .filter((item) => !item.retired || kept.includes(item.id))
    .map((item) => ({ value: item.id, label: item.retired ? `${item.name}${RETIRED_MARK}` : item.name }));
}

export function chainOptions(chains: readonly Chain[], keptId: number | undefined): ReferenceOption[] {
  const byId = new Map(chains.map((c) => [c.id, c]));
  return referenceOptions(chains, [keptId]).map((option) => ({
    ...option,
    lead: byId.get(option.value)?.chainLead ?? '',
  }));
}
