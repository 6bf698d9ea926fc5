import { useMemo } from 'react';
import type { ProblemPrint } from '../../../electron/api-spec';
import { PaperPreview } from '../../print/paper-preview';
import { problemSheetLines } from '../../print/problem-print-lines';
import type { ProblemListPrintOptions } from '../../print/problem-print-options';
import { ProblemListSign, ProblemListTable, ProblemListTitle } from '../../print/problem-print-sheet';
import { paginateList } from './problem-print-pages';
import '../../print/problem-print.css';

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
  return (
    <PaperPreview
      paper={options.paper}
      width={width}
      lines={lines}
      layoutKey={options}
      paginate={paginateList}
      onPageCount={onPageCount}
      whole={
        <>
          <ProblemListTitle data={data} options={options} />
          <ProblemListTable paper={options.paper} lines={lines} />
          <ProblemListSign data={data} />
        </>
      }
      renderPage={(page) => (
        <>
          {page.first && <ProblemListTitle data={data} options={options} />}
          {page.lines.length > 0 && <ProblemListTable paper={options.paper} lines={page.lines} />}
          {page.last && <ProblemListSign data={data} />}
        </>
      )}
    />
  );
}
