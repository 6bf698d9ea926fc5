import { InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFileDrop } from '../../components/use-file-drop';

interface ImportFilePickerProps {
  /** once a file is chosen the zone shrinks to the line `children` draws; dropping another file still works */
  compact: boolean;
  disabled: boolean;
  onFile(file: File): void;
  /** refused before reading, e.g. several files dropped at once */
  onRefuse(message: string): void;
  children?: ReactNode;
}

/** “选择文件…” and a zone to drop the ledger on; the real <input type=file> stays hidden behind the button. */
export function ImportFilePicker({ compact, disabled, onFile, onRefuse, children }: ImportFilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const wasCompact = useRef(compact);
  // “重新选择文件” removes the button that had focus: hand it to “选择文件…” so the keyboard stays in place
  useEffect(() => {
    if (wasCompact.current && !compact) chooseButton.current?.focus();
    wasCompact.current = compact;
  }, [compact]);

  const take = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    if (files.length > 1) onRefuse('一次请只选择一个台账文件');
    else onFile(files[0]);
  };
  const { over, dropProps } = useFileDrop(disabled, take);

  const classes = ['ledger-import-drop', compact ? 'is-compact' : '', over ? 'is-over' : ''].filter(Boolean);
  return (
    <div className={classes.join(' ')} data-testid="ledger-import-drop" {...dropProps}>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv,.xls"
        aria-label="选择台账文件"
        className="ledger-import-input"
        tabIndex={-1}
        onChange={(event) => {
          take(event.target.files);
          // the same file chosen again (after fixing it in Excel) must fire change again
          event.target.value = '';
        }}
      />
      {compact ? (
        children
      ) : (
        <>
          <InboxOutlined className="ledger-import-drop-icon" aria-hidden />
          <span className="ledger-import-drop-text">将台账文件拖到这里，或</span>
          <Button ref={chooseButton} type="primary" disabled={disabled} onClick={() => input.current?.click()}>
            选择文件…
          </Button>
        </>
      )}
    </div>
  );
}
