import type { ReactNode } from 'react';

/** One labelled choice in a print-options panel (纸张, 范围, 分组…), read by screen readers as a group. */
export function PrintField({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <div className="print-field" role="group" aria-labelledby={id}>
      <div className="print-field-label" id={id}>
        {label}
      </div>
      {children}
    </div>
  );
}
