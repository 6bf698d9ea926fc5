import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { BULLETIN_HONOUR_DEFAULT, BULLETIN_HONOUR_MAX, type BulletinPrint } from '../../../db/model/bulletin';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useMayCall } from '../../app/session/session';
import { canSavePdf, printRoute, saveRouteAsPdf } from '../../desktop-bridge';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { bulletinChartSvgs } from '../../print/bulletin-charts';
import { bulletinPdfName, bulletinPrintRoute, type BulletinPrintOptions } from '../../print/bulletin-options';
import { BULLETIN_PAPER_MM } from '../../print/BulletinPrint';
import { BulletinSheet } from '../../print/bulletin-sheet';
import { ConflictDialog } from '../../ui/ConflictDialog';
import { ExcelExportButton } from '../../ui/ExcelExportButton';
import { exportExcel } from '../../ui/export-excel';
import { useConflict } from '../../ui/use-conflict';
import { usePreviewBox } from '../../ui/use-preview-box';
import { bulletinMonths, defaultBulletinMonth } from './bulletin-months';
import { BulletinTextForm, type BulletinDraft } from './BulletinTextForm';
import '../../print/paper.css';
import '../../print/bulletin-print.css';
import '../../ui/print-tab.css';
import './bulletin.css';

const PX_PER_MM = 96 / 25.4;

/** The paper at the preview's width, with the texts as typed so far. */
function BulletinPreview({ data, draft, width }: { data: BulletinPrint; draft: BulletinDraft; width: number }) {
  const charts = useMemo(() => bulletinChartSvgs(data), [data]);
  const shown = useMemo(() => ({ ...data, text: { ...data.text, ...draft } }), [data, draft]);
  const paperPx = BULLETIN_PAPER_MM.width * PX_PER_MM;
  return (
    <div className="bulletin-preview-sheet" style={{ zoom: Math.min(1, (width - 32) / paperPx) }}>
      <div
        className="paper paper-sheet"
        style={{ width: `${BULLETIN_PAPER_MM.width}mm`, padding: '20mm 18mm 18mm 24mm' }}
      >
        <BulletinSheet data={shown} charts={charts} />
      </div>
    </div>
  );
}

/** 月度通报: choose the month, edit its 文号 and summary, look at the paper, print it or take its tables to Excel. */
export function BulletinPage() {
  const { message } = App.useApp();
  const { status } = useAppStatus();
  const mayEdit = useMayCall()('bulletin.saveText');
  const months = bulletinMonths(status.planYear, status.today);
  const [month, setMonth] = useState(() => defaultBulletinMonth(months, status.planYear, status.today));
  const [honourSize, setHonourSize] = useState(BULLETIN_HONOUR_DEFAULT);
  const options: BulletinPrintOptions = { year: status.planYear, month, honourSize };
  const query = useApi('bulletin.printData', options, { enabled: months.length > 0 });
  useLiveChanges(['project', 'investment', 'dispatch', 'reference', 'settings', 'library'], () => void query.reload());
  const data = query.data;

  // what the clerk typed for this month, kept until saved (and through a refused save); else the saved texts
  const [edit, setEdit] = useState<{ key: string; draft: BulletinDraft } | null>(null);
  const monthKey = `${status.planYear}-${month}`;
  const draft =
    edit?.key === monthKey ? edit.draft : data ? { docNumber: data.text.docNumber, summary: data.text.summary } : null;
  const setDraft = (next: BulletinDraft) => setEdit({ key: monthKey, draft: next });

  const conflict = useConflict(async () => {
    await query.reload();
  });
  const [busy, setBusy] = useState<'save' | 'print' | 'pdf' | null>(null);
  const { ref: previewRef, width: previewWidth, height: previewHeight } = usePreviewBox();

  const save = async (summary: string | null) => {
    if (!data || !draft) return;
    setBusy('save');
    try {
      await invoke('bulletin.saveText', {
        year: data.year,
        month: data.month,
        docNumber: draft.docNumber,
        summary,
        version: data.text.version,
      });
      message.success(summary === null ? '已恢复自动生成的摘要' : '已保存');
      setEdit(null);
      await query.reload();
    } catch (error) {
      if (!conflict.offer(error)) message.error(error instanceof ApiError ? error.message : '保存未完成，请重试');
    } finally {
      setBusy(null);
    }
  };

  const run = async (what: 'print' | 'pdf') => {
    setBusy(what);
    try {
      const route = bulletinPrintRoute(options);
      if (what === 'print') {
        if ((await printRoute(route)) === true) message.success('已发送到打印机');
      } else {
        const filePath = await saveRouteAsPdf(route, bulletinPdfName(status.cityName, options));
        if (filePath) message.success(`已保存：${filePath}`);
      }
    } catch (error) {
      message.error(error instanceof Error ? error.message : '打印未完成，请重试');
    } finally {
      setBusy(null);
    }
  };

  const unsaved = data && draft && (draft.docNumber !== data.text.docNumber || draft.summary !== data.text.summary);
  return (
    <div className="bulletin-page">
      <div className="bulletin-header">
        <h1 className="zd-strong zd-nowrap">月度通报</h1>
        <span className="zd-muted zd-small">数字与统计排名相同 · 文号和摘要随月份保存 · A4 竖版打印</span>
      </div>
      {!months.length && <Alert type="info" showIcon title={`${status.planYear}年尚未开始，还没有可通报的月份`} />}
      <div className="print-tab">
        <aside className="print-tab-side bulletin-side" aria-label="通报选项">
          <div className="bulletin-choice">
            <div>
              <div className="print-field-label">月份</div>
              <Select
                aria-label="月份"
                value={month}
                style={{ width: 120 }}
                options={months.map((m) => ({ value: m, label: `${status.planYear}年${m}月` }))}
                onChange={setMonth}
              />
            </div>
            <div>
              <div className="print-field-label">红榜/黑榜各</div>
              <InputNumber
                aria-label="红榜黑榜单位数"
                min={1}
                max={BULLETIN_HONOUR_MAX}
                value={honourSize}
                suffix="个"
                style={{ width: 88 }}
                onChange={(value) => value && setHonourSize(value)}
              />
            </div>
          </div>
          {data && draft && (
            <BulletinTextForm
              saved={data.text}
              draft={draft}
              onChange={setDraft}
              onSave={() => void save(draft.summary.trim() === data.text.autoSummary ? null : draft.summary)}
              onRestoreAuto={() => void save(null)}
              busy={busy === 'save'}
              readOnly={!mayEdit}
            />
          )}
          <div className="print-actions">
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              loading={busy === 'print'}
              disabled={!data || busy !== null || !!unsaved}
              onClick={() => void run('print')}
            >
              打印…
            </Button>
            {canSavePdf() && (
              <Button
                icon={<FilePdfOutlined />}
                loading={busy === 'pdf'}
                disabled={!data || busy !== null || !!unsaved}
                onClick={() => void run('pdf')}
              >
                保存为PDF…
              </Button>
            )}
            <ExcelExportButton noun="单位" disabled={!data} onExport={() => exportExcel('bulletin.export', options)} />
          </div>
          {unsaved && <p className="print-hint">文字已修改但未保存：保存后才能打印，打印件与保存的文字一致。</p>}
        </aside>
        <section
          ref={previewRef}
          className="print-tab-preview"
          style={{ height: previewHeight || undefined }}
          aria-label="打印预览"
          aria-busy={query.loading}
        >
          {query.error && !query.loading && (
            <Alert type="error" showIcon title="无法生成月度通报" description={query.error.message} />
          )}
          {data && draft && previewWidth > 0 && (
            <Spin spinning={query.loading} description="正在更新…">
              <BulletinPreview data={data} draft={draft} width={previewWidth} />
            </Spin>
          )}
          {!data && !query.error && months.length > 0 && <Spin className="zd-spin-block" description="正在读取…" />}
        </section>
      </div>
      <ConflictDialog {...conflict.dialog} />
    </div>
  );
}
