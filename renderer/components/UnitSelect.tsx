import { useState } from 'react';
import type { Unit } from '../../db/model/reference';
import { invoke } from '../api';
import { KeyboardSelect, type KeyboardSelectProps } from './KeyboardSelect';

/** The units a form chooses from: the server's list, replaced by the newer one once the form adds a unit. */
export function useUnitList(fromServer: readonly Unit[] | undefined) {
  const [saved, setSaved] = useState<readonly Unit[] | null>(null);
  return [saved ?? fromServer ?? [], setSaved] as const;
}

interface UnitSelectProps extends Omit<KeyboardSelectProps<number>, 'create' | 'notFoundContent'> {
  /** with the list as it now is, once a unit was added here */
  onUnitsSaved(units: Unit[]): void;
}

/**
 * 牵头单位 / 责任单位: a blank office has no units yet, so a name typed here that is not on the list can be
 * added on the spot (through 设置's own reference.saveUnit) and is chosen at once.
 */
export function UnitSelect({ onUnitsSaved, options, ...rest }: UnitSelectProps) {
  return (
    <KeyboardSelect<number>
      {...rest}
      options={options}
      notFoundContent={options.length ? '没有相符的单位' : '还没有单位：输入单位名称即可新增'}
      create={{
        noun: '单位',
        run: async (name) => {
          const { units } = await invoke('reference.saveUnit', { name });
          onUnitsSaved(units);
          const made = units.find((u) => u.name === name.trim() && !u.retired);
          if (!made) throw new Error('新增后未找到该单位，请到“设置 → 单位”中查看');
          return made.id;
        },
      }}
    />
  );
}
