/** 变更记录: being built. */
export function HistoryPage() {
  return <p style={{ padding: 24 }}>“变更记录”页面尚未开发完成。</p>;
}
