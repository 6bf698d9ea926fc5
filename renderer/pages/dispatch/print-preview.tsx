import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DispatchPrint } from '../../../electron/api-spec';
import { sheetLines } from '../../print/print-dispatch-lines';
import { DispatchSignLine, DispatchTable, DispatchTitle } from '../../print/print-dispatch-sheet';
import type { DispatchPrintOptions } from '../../print/print-options';
import { contentBoxMm, PAGE_MARGIN_MM, PAPER_MM, PX_PER_MM } from '../../print/print-paper';
import { paginate, type PreviewPage, type SheetMeasure } from './print-pages';
import '../../print/paper.css';

const m = PAGE_MARGIN_MM;
const GAP_PX = 16;

function measureSheet(sheet: HTMLElement): SheetMeasure {
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

/** Pages as the printer will cut them; the sheet is first laid out once, unseen, to measure each row. */
function usePages(data: DispatchPrint, options: DispatchPrintOptions) {
  const measureRef = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => sheetLines(data), [data]);
  const [pages, setPages] = useState<PreviewPage[] | null>(null);
  useLayoutEffect(() => {
    let current = true;
    const layout = () => {
      const sheet = measureRef.current;
      if (!current || !sheet) return;
      const pageHeight = contentBoxMm(options.paper).height * PX_PER_MM;
      setPages(paginate(lines, measureSheet(sheet), pageHeight));
    };
    layout();
    // the CJK fonts may arrive after the first layout and change every row's height
    void document.fonts.ready.then(layout);
    return () => {
      current = false;
    };
  }, [lines, options]);
  return { measureRef, lines, pages };
}

function Sheet({ data, options, page }: { data: DispatchPrint; options: DispatchPrintOptions; page: PreviewPage }) {
  return (
    <>
      {page.first && <DispatchTitle data={data} options={options} />}
      {page.lines.length > 0 && <DispatchTable data={data} options={options} lines={page.lines} />}
      {page.last && <DispatchSignLine data={data} />}
    </>
  );
}

/** The paper, page by page, scaled to the width available. */
export function PrintPreview({
  data,
  options,
  width,
  onPageCount,
}: {
  data: DispatchPrint;
  options: DispatchPrintOptions;
  /** the width the pages may take, in px */
  width: number;
  onPageCount(count: number | null): void;
}) {
  const { measureRef, lines, pages } = usePages(data, options);
  const paper = PAPER_MM[options.paper];
  const paperWidthPx = paper.width * PX_PER_MM;
  const scale = Math.max(0.3, Math.min(1, (width - 2 * GAP_PX) / paperWidthPx));
  const count = pages?.length ?? null;
  useLayoutEffect(() => onPageCount(count), [count, onPageCount]);

  return (
    <>
      <div
        ref={measureRef}
        className={`paper paper-${options.paper} print-preview-measure`}
        style={{ width: `${contentBoxMm(options.paper).width}mm` }}
        aria-hidden="true"
      >
        <DispatchTitle data={data} options={options} />
        <DispatchTable data={data} options={options} lines={lines} />
        <DispatchSignLine data={data} />
      </div>
      <div className="print-preview-pages" style={{ zoom: scale }}>
        {pages?.map((page, index) => (
          <article
            key={index}
            className={`paper paper-${options.paper} print-preview-page`}
            aria-label={`第${index + 1}页`}
            style={{
              width: `${paper.width}mm`,
              height: `${paper.height}mm`,
              padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
            }}
          >
            <Sheet data={data} options={options} page={page} />
            <div className="print-preview-folio" style={{ height: `${m.bottom}mm` }}>
              第 {index + 1} 页 共 {pages.length} 页
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
