import './charts.css';

/** A chart's panel while its figures are on the way, or when they could not be read. */
export function ChartPlaceholder({ title, error, height }: { title: string; error?: Error; height: number }) {
  return (
    <section className="zd-panel zd-chart-panel" aria-label={title}>
      <h3 className="zd-panel-title">{title}</h3>
      <div className="zd-chart-waiting zd-faint" style={{ height }}>
        {error ? `${title}读取失败：${error.message}` : '正在读取…'}
      </div>
    </section>
  );
}
