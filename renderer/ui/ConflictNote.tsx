import { Button } from 'antd';

export interface ConflictNoteProps {
  /** the value saved by someone else, as the history words it ('' when empty) */
  saved: string;
  /** what the clerk typed, kept in the field */
  typed: string;
  onTakeSaved(): void;
  onKeepTyped(): void;
}

/** the two choices sit in the note's one line, as tall as its text */
const LINK_BUTTON = { padding: 0, height: 18 } as const;

/** Under a field after 载入最新内容: what is saved now beside what the clerk typed, until the clerk chooses. */
export function ConflictNote({ saved, typed, onTakeSaved, onKeepTyped }: ConflictNoteProps) {
  return (
    <span className="zd-conflict-note" role="note">
      <span>
        最新保存：<b>{saved || '（空）'}</b>
      </span>
      <span>
        您填写的：<b>{typed || '（空）'}</b>
      </span>
      <Button size="small" type="link" style={LINK_BUTTON} onClick={onTakeSaved}>
        采用最新
      </Button>
      <Button size="small" type="link" style={LINK_BUTTON} onClick={onKeepTyped}>
        保留我填的
      </Button>
    </span>
  );
}
