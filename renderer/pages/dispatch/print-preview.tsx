import { useMemo } from 'react';
import type { DispatchPrint } from '../../../electron/api-spec';
import { PaperPreview } from '../../print/paper-preview';
import { measuredLines } from '../../print/print-dispatch-lines';
import { DispatchPage, DispatchTable, DispatchTitle } from '../../print/print-dispatch-sheet';
import type { DispatchPrintOptions } from '../../print/print-options';
import { paginate } from '../../print/print-pages';

/** The 周调度表, page by page as the paper route prints it, scaled to the width available. */
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
  const lines = useMemo(() => measuredLines(data), [data]);
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
        </>
      }
      renderPage={(page) => <DispatchPage data={data} options={options} page={page} />}
    />
  );
}
