import { Alert } from 'antd';
import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { weekOf } from '../../db/model/weeks';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { sheetLines } from './print-dispatch-lines';
import { DispatchSignLine, DispatchTable, DispatchTitle } from './print-dispatch-sheet';
import { dispatchPdfName, readDispatchPrintOptions } from './print-options';
import { PAGE_MARGIN_MM, PAPER_MM, PaperPageStyle } from './print-paper';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import './paper.css';

const m = PAGE_MARGIN_MM;

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

  if (failed) {
    return (
      <div className="paper-screen">
        <Alert className="paper-message" type="error" showIcon title="无法生成调度表" description={failed.message} />
      </div>
    );
  }
  return (
    <div className="paper-screen">
      <PaperPageStyle paper={options.paper} />
      {data && (
        <div
          className={`paper paper-sheet paper-${options.paper}`}
          style={{
            width: `${PAPER_MM[options.paper].width}mm`,
            padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
          }}
        >
          <DispatchTitle data={data} options={options} />
          <DispatchTable data={data} options={options} lines={lines} />
          <DispatchSignLine data={data} />
        </div>
      )}
    </div>
  );
}
