import { Button, Input, Flex } from 'antd';
import { useState } from 'react';
import { canChooseFolder, chooseFolder } from '../../desktop-bridge';
import './backups.css';

interface Props {
  /** the button that starts it: 移动到其他位置… / 备份到… */
  buttonLabel: string;
  /** the browser version's go button next to the path box: 移动 / 备份 */
  actionLabel: string;
  /** the path box's accessible name */
  inputLabel: string;
  placeholder: string;
  busy: boolean;
  /** the server's Chinese message, shown next to the path */
  error: string | null;
  onEdit(): void;
  /**
   * What to send as the API's folder: a typed path (browser), or the picker's one-time token (desktop; show it
   * with `chosenFolderPath`). True when done, which closes the path box.
   */
  onFolder(folder: string): Promise<boolean>;
}

/**
 * Asks for a folder: the system picker in Electron; in the browser (which cannot see the office PC's disks)
 * a box for the folder's full path.
 */
export function DataSafetyFolderInput(props: Props) {
  const { buttonLabel, actionLabel, inputLabel, placeholder, busy, error, onEdit, onFolder } = props;
  const picker = canChooseFolder();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [picking, setPicking] = useState(false);

  async function pick() {
    onEdit();
    setPicking(true);
    try {
      const folder = await chooseFolder();
      if (folder) await onFolder(folder);
    } finally {
      setPicking(false);
    }
  }

  async function submit() {
    if (!text.trim()) return;
    if (await onFolder(text.trim())) {
      setOpen(false);
      setText('');
    }
  }

  const errorLine = error && (
    <div className="data-safety-error zd-small zd-text-red" role="alert">
      {error}
    </div>
  );

  if (picker || !open) {
    return (
      <div className="data-safety-folder-input">
        <Button loading={busy || picking} onClick={() => (picker ? void pick() : setOpen(true))}>
          {buttonLabel}
        </Button>
        {errorLine}
      </div>
    );
  }

  return (
    <div className="data-safety-folder-input">
      <Flex gap={8}>
        <Input
          style={{ width: 380 }}
          aria-label={inputLabel}
          placeholder={placeholder}
          value={text}
          autoFocus
          status={error ? 'error' : undefined}
          disabled={busy}
          onChange={(e) => {
            setText(e.target.value);
            onEdit();
          }}
          onPressEnter={() => void submit()}
        />
        <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void submit()}>
          {actionLabel}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setText('');
            onEdit();
          }}
        >
          取消
        </Button>
      </Flex>
      {errorLine}
    </div>
  );
}
