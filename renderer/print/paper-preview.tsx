import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SheetMeasure } from './print-pages';
import type { PaperSize } from './print-options';
import { contentBoxMm, PAGE_MARGIN_MM, PAPER_MM, PX_PER_MM } from './print-paper';
import './paper.css';

// The in-app preview of a paper route: the whole sheet laid out once, unseen, at the paper's content width to
// measure every row; then dealt out to pages as the printer will cut them and shown scaled to the room there is.

const m = PAGE_MARGIN_MM;
const GAP_PX = 16;

export interface PagedLines<L> {
  lines: L[];
  first: boolean;
  last: boolean;
}

export function measureSheet(sheet: HTMLElement): SheetMeasure {
  const table = sheet.querySelector('table')!;
  const top = sheet.getBoundingClientRect().top;
  const tableBox = table.getBoundingClientRect();
  return {
    title: tableBox.top - top,
    head: table.tHead?.getBoundingClientRect().height ?? 0,
    lines: Array.from(table.tBodies[0]?.rows ?? [], (row) => row.getBoundingClientRect().height),
    sign: sheet.getBoundingClientRect().bottom - tableBox.bottom,
  };
}

export function PaperPreview<L, P extends PagedLines<L>>(props: {
  paper: PaperSize;
  /** the width the pages may take, in px */
  width: number;
  lines: L[];
  /** whatever else changes the rows' heights (columns chosen, grouping…): a change lays the sheet out again */
  layoutKey: unknown;
  paginate(lines: L[], measure: SheetMeasure, pageHeight: number): P[];
  /** the whole sheet, for measuring */
  whole: ReactNode;
  renderPage(page: P): ReactNode;
  onPageCount(count: number | null): void;
}) {
  const { paper, width, lines, layoutKey, paginate, whole, renderPage, onPageCount } = props;
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<P[] | null>(null);
  useLayoutEffect(() => {
    let current = true;
    const layout = () => {
      const sheet = measureRef.current;
      if (!current || !sheet) return;
      setPages(paginate(lines, measureSheet(sheet), contentBoxMm(paper).height * PX_PER_MM));
    };
    layout();
    // the CJK fonts may arrive after the first layout and change every row's height
    void document.fonts.ready.then(layout);
    return () => {
      current = false;
    };
  }, [lines, paper, layoutKey, paginate]);
  const size = PAPER_MM[paper];
  const scale = Math.max(0.3, Math.min(1, (width - 2 * GAP_PX) / (size.width * PX_PER_MM)));
  const count = pages?.length ?? null;
  useLayoutEffect(() => onPageCount(count), [count, onPageCount]);
  const paperClass = `paper paper-${paper}`;

  return (
    <>
      <div
        ref={measureRef}
        className={`${paperClass} print-preview-measure`}
        style={{ width: `${contentBoxMm(paper).width}mm` }}
        aria-hidden="true"
      >
        {whole}
      </div>
      <div className="print-preview-pages" style={{ zoom: scale }}>
        {pages?.map((page, index) => (
          <article
            key={index}
            className={`${paperClass} print-preview-page`}
            aria-label={`第${index + 1}页`}
            style={{
              width: `${size.width}mm`,
              height: `${size.height}mm`,
              padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
            }}
          >
            {renderPage(page)}
            <div className="print-preview-folio" style={{ height: `${m.bottom}mm` }}>
              第 {index + 1} 页 共 {pages.length} 页
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
