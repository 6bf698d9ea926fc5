import { useMemo } from 'react';
import type { DispatchPrint } from '../../../electron/api-spec';
import { PaperPreview } from '../../print/paper-preview';
import { sheetLines } from '../../print/print-dispatch-lines';
import { DispatchSignLine, DispatchTable, DispatchTitle } from '../../print/print-dispatch-sheet';
import type { DispatchPrintOptions } from '../../print/print-options';
import { paginate } from './print-pages';

/** The 周调度表, page by page, scaled to the width available. */
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
  const lines = useMemo(() => sheetLines(data), [data]);
  return (
    <PaperPreview
      paper={options.paper}
      width={width}
      lines={lines}
      layoutKey={options}
      paginate={paginate}
      onPageCount={onPageCount}
      whole={
        <>
          <DispatchTitle data={data} options={options} />
          <DispatchTable data={data} options={options} lines={lines} />
          <DispatchSignLine data={data} />
        </>
      }
      renderPage={(page) => (
        <>
          {page.first && <DispatchTitle data={data} options={options} />}
          {page.lines.length > 0 && <DispatchTable data={data} options={options} lines={page.lines} />}
          {page.last && <DispatchSignLine data={data} />}
        </>
      )}
    />
  );
}
