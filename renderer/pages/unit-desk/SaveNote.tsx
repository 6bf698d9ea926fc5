import type { SaveOutcome } from './use-save';
import { savedTime } from './unit-desk-text';

/** A box's last save, in a quiet line under it: 正在保存…, 已保存 10:42, or the refusal's message. */
export function SaveNote({ outcome, today, idle }: { outcome: SaveOutcome; today: string; idle?: string }) {
  if (outcome.kind === 'saving') return <div className="unit-desk-note">正在保存…</div>;
  if (outcome.kind === 'saved') {
    return (
      <div className="unit-desk-note zd-text-green" role="status">
        已保存 {savedTime(outcome.at, today)}
      </div>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <div className="unit-desk-note zd-text-red" role="alert">
        {outcome.message}
      </div>
    );
  }
  return idle ? <div className="unit-desk-note">{idle}</div> : null;
}
