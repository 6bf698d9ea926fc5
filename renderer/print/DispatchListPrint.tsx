import { useCallback, useMemo, useState } from 'react';
import { useSearch } from 'wouter';
import { weekOf } from '../../db/model/weeks';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { DispatchPaperPages } from './print-dispatch-paper';
import { dispatchPdfName, readDispatchPrintOptions } from './print-options';
import { PaperScreen } from './print-paper';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import './paper.css';

/** 周调度表 on paper: /print/dispatch?week=2026-W48&group=chainLead&scope=all&lead=&paper=A4&cols=… */
export function DispatchListPrint() {
  const search = useSearch();
  const { status } = useAppStatus();
  const options = useMemo(() => readDispatchPrintOptions(search, weekOf(status.today).key), [search, status.today]);
  const query = useApi('dispatch.printData', {
    week: options.week,
    groupBy: options.group,
    scope: options.scope,
    chainLead: options.lead || undefined,
  });
  const data = query.loading ? undefined : query.data;
  const failed = query.error && !query.loading ? query.error : undefined;
  // ready once the pages are dealt, not merely when the data is in
  const [pagedFor, setPagedFor] = useState<unknown>();
  const onPaged = useCallback(() => setPagedFor(data), [data]);
  usePrintReadySignal(failed ? { error: failed.message } : data && pagedFor === data ? 'ready' : 'loading');
  // the browser offers the page title as the PDF's file name
  useDocumentTitle(dispatchPdfName(options).replace(/\.pdf$/, ''));

  return (
    <PaperScreen paper={options.paper} failure={failed && { title: '无法生成调度表', message: failed.message }}>
      {data && <DispatchPaperPages data={data} options={options} onPaged={onPaged} />}
    </PaperScreen>
  );
}
