import type { ReactNode } from 'react';

/** One block of the 数据与备份 tab: a heading, a grey explanation and its controls. */
export function DataSafetySection({ title, hint, children }: { title: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <section className="data-safety-section" aria-label={title}>
      <h3 className="data-safety-title zd-strong">{title}</h3>
      {hint && <p className="zd-muted zd-small data-safety-hint">{hint}</p>}
      {children}
    </section>
  );
}
