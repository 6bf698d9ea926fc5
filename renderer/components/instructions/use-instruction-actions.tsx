import { App as AntApp } from 'antd';
import { useState } from 'react';
import type { InstructionRow } from '../../../db/model/instructions';
import { invoke } from '../../api';
import { useMayCall } from '../../app/session/session';
import type { InstructionActions } from './InstructionTable';

/**
 * What the 批示 lists' buttons do: edit and 办结 open dialogs (their state is returned), 重新办理 and 转为问题 are
 * one call each. Undefined actions for whoever may only read.
 */
export function useInstructionActions(onChanged: () => void) {
  const { message } = AntApp.useApp();
  const mayCall = useMayCall();
  const [editing, setEditing] = useState<InstructionRow | null>(null);
  const [closing, setClosing] = useState<InstructionRow | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  async function run(
    row: InstructionRow,
    call: () => Promise<InstructionRow>,
    done: (saved: InstructionRow) => string,
  ) {
    setBusyId(row.id);
    try {
      void message.success(done(await call()));
      onChanged();
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setBusyId(null);
    }
  }

  const actions: InstructionActions | undefined = mayCall('instructions.save')
    ? {
        onEdit: setEditing,
        onClose: setClosing,
        onReopen: (row) =>
          void run(
            row,
            () => invoke('instructions.reopen', { id: row.id, version: row.version }),
            () => '批示已重新办理',
          ),
        onToProblem: (row) =>
          void run(
            row,
            () => invoke('instructions.toProblem', { id: row.id }),
            (saved) => `已转为问题 ${saved.problemCode ?? ''}，可在问题督办中交办`,
          ),
      }
    : undefined;
  return { actions, editing, setEditing, closing, setClosing, busyId };
}
