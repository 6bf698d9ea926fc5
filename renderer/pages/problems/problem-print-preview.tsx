import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ProblemPrint } from '../../../electron/api-spec';
import { problemSheetLines, type ProblemSheetLine } from '../../print/problem-print-lines';
import type { ProblemListPrintOptions } from '../../print/problem-print-options';
import { ProblemListSign, ProblemListTable, ProblemListTitle } from '../../print/problem-print-sheet';
import { contentBoxMm, PAGE_MARGIN_MM, PAPER_MM, PX_PER_MM } from '../../print/print-paper';
import type { SheetMeasure } from '../dispatch/print-pages';
import { paginateList, type ListPreviewPage } from './problem-print-pages';
import '../../print/paper.css';
import '../../print/problem-print.css';

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

type Page = ListPreviewPage<ProblemSheetLine>;

/** Pages as the printer will cut them; the sheet is first laid out once, unseen, to measure each row. */
function usePages(lines: ProblemSheetLine[], options: ProblemListPrintOptions) {
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<Page[] | null>(null);
  useLayoutEffect(() => {
    let current = true;
    const layout = () => {
      const sheet = measureRef.current;
      if (!current || !sheet) return;
      const pageHeight = contentBoxMm(options.paper).height * PX_PER_MM;
      setPages(paginateList(lines, measureSheet(sheet), pageHeight));
    };
    layout();
    // the CJK fonts may arrive after the first layout and change every row's height
    void document.fonts.ready.then(layout);
    return () => {
      current = false;
    };
  }, [lines, options]);
  return { measureRef, pages };
}

/** The 问题清单, page by page, scaled to the width available. */
export function ProblemListPreview({
  data,
  options,
  width,
  onPageCount,
}: {
  data: ProblemPrint;
  options: ProblemListPrintOptions;
  /** the width the pages may take, in px */
  width: number;
  onPageCount(count: number | null): void;
}) {
  const lines = useMemo(() => problemSheetLines(data, options.scope === 'all'), [data, options.scope]);
  const { measureRef, pages } = usePages(lines, options);
  const paper = PAPER_MM[options.paper];
  const scale = Math.max(0.3, Math.min(1, (width - 2 * GAP_PX) / (paper.width * PX_PER_MM)));
  const count = pages?.length ?? null;
  useLayoutEffect(() => onPageCount(count), [count, onPageCount]);
  const paperClass = `paper paper-${options.paper}`;

  return (
    <>
      <div
        ref={measureRef}
        className={`${paperClass} print-preview-measure`}
        style={{ width: `${contentBoxMm(options.paper).width}mm` }}
        aria-hidden="true"
      >
        <ProblemListTitle data={data} options={options} />
        <ProblemListTable paper={options.paper} lines={lines} />
        <ProblemListSign data={data} />
      </div>
      <div className="print-preview-pages" style={{ zoom: scale }}>
        {pages?.map((page, index) => (
          <article
            key={index}
            className={`${paperClass} print-preview-page`}
            aria-label={`第${index + 1}页`}
            style={{
              width: `${paper.width}mm`,
              height: `${paper.height}mm`,
              padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
            }}
          >
            {page.first && <ProblemListTitle data={data} options={options} />}
            {page.lines.length > 0 && <ProblemListTable paper={options.paper} lines={page.lines} />}
            {page.last && <ProblemListSign data={data} />}
            <div className="print-preview-folio" style={{ height: `${m.bottom}mm` }}>
              第 {index + 1} 页 共 {pages.length} 页
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
