import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { weekOf } from '../../db/model/weeks';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { sheetLines } from './print-dispatch-lines';
import { DispatchSignLine, DispatchTable, DispatchTitle } from './print-dispatch-sheet';
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
  usePrintReadySignal(failed ? { error: failed.message } : data ? 'ready' : 'loading');
  const lines = useMemo(() => (data ? sheetLines(data) : []), [data]);
  // the browser offers the page title as the PDF's file name
  useDocumentTitle(dispatchPdfName(options).replace(/\.pdf$/, ''));

  return (
    <PaperScreen paper={options.paper} failure={failed && { title: '无法生成调度表', message: failed.message }}>
      {data && (
        <>
          <DispatchTitle data={data} options={options} />
          <DispatchTable data={data} options={options} lines={lines} footer={<DispatchSignLine data={data} />} />
        </>
      )}
    </PaperScreen>
  );
}
