import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { exportExcel } from '../../ui/export-excel';
import { ExcelExportButton } from '../../ui/ExcelExportButton';
import { dispatchPdfName, dispatchPrintRoute, type DispatchPrintOptions } from '../../print/print-options';
import { PAPER_LABELS } from '../../print/print-paper';
import { canSavePdf, printRoute, saveRouteAsPdf } from '../../desktop-bridge';
import { PrintOptionsPanel } from './print-options-panel';
import { PrintPreview } from './print-preview';
import { usePreviewBox } from '../../ui/use-preview-box';
import { loadPrintOptions, savePrintOptions } from './print-saved-options';
import { useMayCall } from '../../app/session/session';
import { PhotoPrintBlock } from './photo-print-block';
import '../../ui/print-tab.css';

function useChainLeads(): string[] | undefined {
  const reference = useApi('reference.list', {});
  return useMemo(() => {
    if (!reference.data) return undefined;
    const leads = reference.data.chains.filter((c) => !c.retired && c.chainLead).map((c) => c.chainLead);
    return [...new Set(leads)];
  }, [reference.data]);
}

/** 打印调度表: the options, the pages as they will come out of the printer, and the print buttons. */
export function PrintTab({ week }: { week: string }) {
  const { message } = App.useApp();
  const [choice, setChoice] = useState(() => loadPrintOptions(week));
  const leads = useChainLeads();
  // a 链长 remembered from an earlier week may since have been renamed
  const lead = leads && !leads.includes(choice.lead) ? '' : choice.lead;
  const options: DispatchPrintOptions = useMemo(() => ({ ...choice, week, lead }), [choice, week, lead]);
  const query = useApi('dispatch.printData', {
    week,
    groupBy: options.group,
    scope: options.scope,
    chainLead: options.lead || undefined,
  });
  const [pageCount, setPageCount] = useState<number | null>(null);
  const onPageCount = useCallback((count: number | null) => setPageCount(count), []);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const { ref: previewRef, width: previewWidth, height: previewHeight } = usePreviewBox();
  const pdfAllowed = canSavePdf();
  const mayPrintPhotos = useMayCall()('attachments.photoSheet');

  const change = (next: DispatchPrintOptions) => {
    setChoice(next);
    savePrintOptions(next);
  };

  const run = async (what: 'print' | 'pdf') => {
    setBusy(what);
    try {
      const route = dispatchPrintRoute(options);
      if (what === 'print') {
        if ((await printRoute(route)) === true) message.success('已发送到打印机');
      } else {
        const filePath = await saveRouteAsPdf(route, dispatchPdfName(options));
        if (filePath) message.success(`已保存：${filePath}`);
      }
    } catch (error) {
      message.error(error instanceof Error ? error.message : '打印未完成，请重试');
    } finally {
      setBusy(null);
    }
  };

  const data = query.data;
  return (
    <div className="print-tab">
      <aside className="print-tab-side" aria-label="打印选项">
        <PrintOptionsPanel options={options} leads={leads ?? []} onChange={change} />
        <div className="print-summary" aria-live="polite">
          {data ? (
            <>
              共 <b className="num">{data.total.count}</b> 个项目，{data.groups.length} 组
              <br />
              {PAPER_LABELS[options.paper]}，{pageCount === null ? '正在排版…' : `预计 ${pageCount} 页`}
            </>
          ) : (
            '正在读取…'
          )}
        </div>
        <div className="print-actions">
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            loading={busy === 'print'}
            disabled={!data || busy !== null}
            onClick={() => void run('print')}
          >
            打印…
          </Button>
          {pdfAllowed && (
            <Button
              icon={<FilePdfOutlined />}
              loading={busy === 'pdf'}
              disabled={!data || busy !== null}
              onClick={() => void run('pdf')}
            >
              保存为PDF…
            </Button>
          )}
          <ExcelExportButton
            noun="项目"
            disabled={!data}
            onExport={() =>
              exportExcel('ledger.exportDispatch', {
                week,
                groupBy: options.group,
                scope: options.scope,
                chainLead: options.lead || undefined,
              })
            }
          />
        </div>
        {!pdfAllowed && (
          <p className="print-hint">
            在浏览器中打印：调度表在新标签页中打开并弹出打印对话框，可在其中选择打印机或“另存为PDF”。
          </p>
        )}
        {mayPrintPhotos && <PhotoPrintBlock week={week} />}
      </aside>
      <section
        ref={previewRef}
        className="print-tab-preview"
        style={{ height: previewHeight || undefined }}
        aria-label="打印预览"
        aria-busy={query.loading}
      >
        {query.error && !query.loading && (
          <Alert type="error" showIcon title="无法生成调度表" description={query.error.message} />
        )}
        {data && previewWidth > 0 && (
          <Spin spinning={query.loading} description="正在更新…">
            <PrintPreview data={data} options={options} width={previewWidth} onPageCount={onPageCount} />
          </Spin>
        )}
        {!data && !query.error && <Spin className="zd-spin-block" description="正在排版…" />}
      </section>
    </div>
  );
}
