/** 数据与备份: being built. */
export function DataSafetyTab() {
  return <p>“数据与备份”尚未开发完成。</p>;
}
