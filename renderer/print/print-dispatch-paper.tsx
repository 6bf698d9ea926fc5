import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DispatchPrint } from '../../electron/api-spec';
import { paginate, type PreviewPage } from './print-pages';
import { measureSheet } from './paper-preview';
import { measuredLines } from './print-dispatch-lines';
import { DispatchPage, DispatchTable, DispatchTitle } from './print-dispatch-sheet';
import type { DispatchPrintOptions } from './print-options';
import { contentBoxMm, PX_PER_MM } from './print-paper';

/**
 * The 周调度表 on paper as the pages `paginate` deals, one table each with a forced break between them, the same
 * pages the preview shows: Chromium cannot repeat a group's heading where it breaks a page by itself, so the
 * pages are decided here. The whole sheet is laid out once first, in the paper's own box, to measure its rows.
 */
export function DispatchPaperPages({
  data,
  options,
  onPaged,
}: {
  data: DispatchPrint;
  options: DispatchPrintOptions;
  /** the pages are drawn: the paper may be printed */
  onPaged(): void;
}) {
  const lines = useMemo(() => measuredLines(data), [data]);
  const measureRef = useRef<HTMLDivElement>(null);
  const [paged, setPaged] = useState<{ lines: typeof lines; options: DispatchPrintOptions; pages: PreviewPage[] }>();
  const pages = paged?.lines === lines && paged.options === options ? paged.pages : null;

  useLayoutEffect(() => {
    if (pages) return;
    let current = true;
    // the CJK fonts must be in before the rows are measured
    void document.fonts.ready.then(() => {
      const sheet = measureRef.current;
      if (!current || !sheet) return;
      const height = contentBoxMm(options.paper).height * PX_PER_MM;
      setPaged({ lines, options, pages: paginate(lines, measureSheet(sheet), height) });
    });
    return () => {
      current = false;
    };
  }, [lines, options, pages]);
  useLayoutEffect(() => {
    if (pages) onPaged();
  }, [pages, onPaged]);

  if (!pages) {
    return (
      <div ref={measureRef} className="paper-measuring">
        <DispatchTitle data={data} options={options} />
        <DispatchTable data={data} options={options} lines={lines} />
      </div>
    );
  }
  return pages.map((page, index) => (
    <section key={index} className="paper-page" aria-label={`第${index + 1}页`}>
      <DispatchPage data={data} options={options} page={page} />
    </section>
  ));
}
