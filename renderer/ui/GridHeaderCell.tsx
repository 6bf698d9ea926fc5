import type { CSSProperties, ReactNode } from 'react';

/** A column as the header sees it; without the sorting feature the methods are missing. */
export interface HeaderColumn {
  getCanSort?(): boolean;
  getIsSorted?(): false | 'asc' | 'desc';
  getToggleSortingHandler?(): ((event: unknown) => void) | undefined;
}

/** A grid's header cell; on a sortable column a click sorts, ▲/▼ beside the label, aria-sort for screen readers. */
export function GridHeaderCell(props: {
  column: HeaderColumn;
  className?: string;
  style?: CSSProperties;
  title?: string;
  children: ReactNode;
}) {
  const { column, className, style, title, children } = props;
  if (!column.getCanSort?.()) {
    return (
      <th className={className} style={style} title={title}>
        {children}
      </th>
    );
  }
  const sorted = column.getIsSorted?.() ?? false;
  return (
    <th
      className={className ? `${className} is-sortable` : 'is-sortable'}
      style={style}
      title={`${title ?? ''}（点击排序）`}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      onClick={column.getToggleSortingHandler?.()}
    >
      <span className="zd-grid-th">
        <span className="zd-grid-th-label">{children}</span>
        <span className="zd-grid-sort">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
      </span>
    </th>
  );
}
