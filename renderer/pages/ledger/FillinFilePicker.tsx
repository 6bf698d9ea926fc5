import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useFileDrop } from '../../components/use-file-drop';

interface FillinFilePickerProps {
  /** files already chosen: the zone shrinks to one line that still takes more files */
  count: number;
  disabled: boolean;
  onFiles(files: File[]): void;
  onClear(): void;
}

/** “选择文件…” and a zone to drop the returned sheets on, several at once; the real input stays hidden. */
export function FillinFilePicker({ count, disabled, onFiles, onClear }: FillinFilePickerProps) {
  const input = useRef<HTMLInputElement>(null);

  const take = (files: FileList | null) => {
    if (files && files.length > 0) onFiles([...files]);
  };
  const { over, dropProps } = useFileDrop(disabled, take);
  const pick = () => input.current?.click();

  const compact = count > 0;
  const classes = ['fillin-drop', compact ? 'is-compact' : '', over ? 'is-over' : ''].filter(Boolean);
  return (
    <div className={classes.join(' ')} data-testid="fillin-drop" {...dropProps}>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        multiple
        aria-label="选择填报表文件"
        className="fillin-input"
        tabIndex={-1}
        onChange={(event) => {
          take(event.target.files);
          // the same file chosen again (after the unit corrected it) must fire change again
          event.target.value = '';
        }}
      />
      {compact ? (
        <>
          <span className="zd-strong">{`已选 ${count} 份填报表`}</span>
          <span className="fillin-drop-more">可继续拖入或</span>
          <Button size="small" icon={<PlusOutlined />} disabled={disabled} onClick={pick}>
            添加文件…
          </Button>
          <Button size="small" className="zd-push" disabled={disabled} onClick={onClear}>
            全部移除
          </Button>
        </>
      ) : (
        <>
          <InboxOutlined className="fillin-drop-icon" aria-hidden />
          <span className="fillin-drop-text">将收回的填报表拖到这里（可一次多份），或</span>
          <Button type="primary" disabled={disabled} onClick={pick}>
            选择文件…
          </Button>
        </>
      )}
    </div>
  );
}
