import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { formatChineseDate } from '../../db/model/dates';
import { useApi } from '../hooks/use-api';
import { problemSheetLines } from './problem-print-lines';
import { problemListPdfName, readProblemListOptions } from './problem-print-options';
import { ProblemListSign, ProblemListTable, ProblemListTitle } from './problem-print-sheet';
import { PaperScreen } from './print-paper';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import './paper.css';
import './problem-print.css';

/** 问题清单 on paper: /print/problems?group=unit|chainLead&scope=open|all&paper=A4|A3 */
export function ProblemListPrint() {
  const search = useSearch();
  const options = useMemo(() => readProblemListOptions(search), [search]);
  const query = useApi('problems.printData', { groupBy: options.group, scope: options.scope });
  const data = query.loading ? undefined : query.data;
  const failed = query.error && !query.loading ? query.error : undefined;
  usePrintReadySignal(failed ? { error: failed.message } : data ? 'ready' : 'loading');
  const lines = useMemo(() => (data ? problemSheetLines(data, options.scope === 'all') : []), [data, options.scope]);
  useDocumentTitle(problemListPdfName(options, data ? formatChineseDate(data.printedOn) : '').replace(/\.pdf$/, ''));

  return (
    <PaperScreen paper={options.paper} failure={failed && { title: '无法生成问题清单', message: failed.message }}>
      {data && (
        <>
          <ProblemListTitle data={data} options={options} />
          <ProblemListTable paper={options.paper} lines={lines} />
          <ProblemListSign data={data} />
        </>
      )}
    </PaperScreen>
  );
}
