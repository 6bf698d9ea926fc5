import { useState } from 'react';
import { invoke } from '../../api';
import { DataSafetyFolderInput } from './DataSafetyFolderInput';
import './backups.css';

/** 从U盘添加备份…: backups made with “备份到…” come back into the list, where they can be restored. */
export function AddBackupsFrom({ onAdded }: { onAdded(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  async function add(folder: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const { added, skipped } = await invoke('backups.addFrom', { folder });
      const skippedText = skipped.map((s) => `${s.fileName}（${s.reason}）`).join('、');
      setOutcome(
        `已添加${added.length}份备份${added.length ? '，见下方列表' : ''}${skipped.length ? `；未添加：${skippedText}` : ''}`,
      );
      await onAdded();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="data-safety-add-from">
      <DataSafetyFolderInput
        buttonLabel="从U盘添加备份…"
        actionLabel="添加"
        inputLabel="备份所在的文件夹"
        placeholder="存有备份的U盘或文件夹，如 E:\ 或 /media/usb"
        busy={busy}
        error={error}
        onEdit={() => {
          setError(null);
          setOutcome(null);
        }}
        onFolder={add}
      />
      {outcome && (
        <div className="data-safety-done zd-text-green" role="status">
          {outcome}
        </div>
      )}
    </div>
  );
}
