import type { AppStatus } from '../../electron/api-spec';

/** Shown instead of the app when the data file failed its checks at start: being built. */
export function RecoveryScreen({ status }: { status: AppStatus; onRestored(): Promise<void> }) {
  return <p style={{ padding: 24 }}>{status.damage?.message}（恢复界面尚未开发完成）</p>;
}
