import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Radio, Spin } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { formatChineseDate } from '../../../db/model/dates';
import { isOpen } from '../../../db/model/problems';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { distinctProblems } from '../../print/problem-print-lines';
import { problemListPdfName, problemListRoute, type ProblemListPrintOptions } from '../../print/problem-print-options';
import { PAPER_LABELS } from '../../print/print-paper';
import { slipPdfName, slipRoute } from '../../print/slip-route';
import { canSavePdf, printRoute, saveRouteAsPdf } from '../../desktop-bridge';
import { exportExcel } from '../../ui/export-excel';
import { ExcelExportButton } from '../../ui/ExcelExportButton';
import { usePreviewBox } from '../../ui/use-preview-box';
import { ProblemListOptionsPanel } from './problem-print-options-panel';
import { ProblemListPreview } from './problem-print-preview';
import {
  loadProblemPrintChoice,
  saveProblemPrintChoice,
  type ProblemPrintChoice,
  type ProblemPrintKind,
} from './problem-print-saved';
import { chooseSlips, useSlipChoice } from '../../components/slip-choice';
import { SlipPicker } from './slip-picker';
import { SlipPreview } from './slip-preview';
import '../../ui/print-tab.css';
import './problem-print-tab.css';

const KIND_LABELS: Record<ProblemPrintKind, string> = { slips: '交办单', list: '问题清单' };

interface PrintJob {
  route: string;
  pdfName: string;
}

/** The print buttons; the browser host has no 保存为PDF (its own print dialog offers that). */
function PrintActions({ job, what, excel }: { job: PrintJob | null; what: string; excel?: ReactNode }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const pdfAllowed = canSavePdf();
  const run = async (action: 'print' | 'pdf') => {
    if (!job) return;
    setBusy(action);
    try {
      if (action === 'print') {
        if ((await printRoute(job.route)) === true) message.success('已发送到打印机');
      } else {
        const filePath = await saveRouteAsPdf(job.route, job.pdfName);
        if (filePath) message.success(`已保存：${filePath}`);
      }
    } catch (error) {
      message.error(error instanceof Error ? error.message : '打印未完成，请重试');
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div className="print-actions">
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          loading={busy === 'print'}
          disabled={!job || busy !== null}
          onClick={() => void run('print')}
        >
          打印{what}…
        </Button>
        {pdfAllowed && (
          <Button
            icon={<FilePdfOutlined />}
            loading={busy === 'pdf'}
            disabled={!job || busy !== null}
            onClick={() => void run('pdf')}
          >
            保存为PDF…
          </Button>
        )}
        {excel}
      </div>
      {!pdfAllowed && (
        <p className="print-hint">
          在浏览器中打印：{what}在新标签页中打开并弹出打印对话框，可在其中选择打印机或“另存为PDF”。
        </p>
      )}
    </>
  );
}

interface FrameProps {
  choice: ProblemPrintChoice;
  onKind(kind: ProblemPrintKind): void;
  /** the options of this kind of paper */
  options: ReactNode;
  summary: ReactNode;
  job: PrintJob | null;
  loading: boolean;
  error: Error | undefined;
  /** the pages, given the width they may take */
  preview(width: number, height: number): ReactNode;
  /** the side panel reaches down to the window's bottom (it holds a long list) */
  tallSide?: boolean;
  /** 导出Excel, where this paper also exists as a workbook */
  excel?: ReactNode;
}

function PrintFrame({ choice, onKind, options, summary, job, loading, error, preview, tallSide, excel }: FrameProps) {
  const { ref, width, height } = usePreviewBox();
  const what = KIND_LABELS[choice.kind];
  return (
    <div className="print-tab problem-print-tab">
      <aside
        className={`print-tab-side problem-print-side${tallSide ? ' problem-print-side-tall' : ''}`}
        style={tallSide && height ? { height } : undefined}
        aria-label="打印选项"
      >
        <Radio.Group
          className="problem-print-kind"
          block
          optionType="button"
          buttonStyle="solid"
          value={choice.kind}
          onChange={(e) => onKind(e.target.value)}
          options={(['slips', 'list'] as const).map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
        />
        {options}
        <div className="print-summary" aria-live="polite">
          {summary}
        </div>
        <PrintActions job={job} what={what} excel={excel} />
      </aside>
      <section
        ref={ref}
        className="print-tab-preview"
        style={{ height: height || undefined }}
        aria-label="打印预览"
        aria-busy={loading}
      >
        {error && !loading && <Alert type="error" showIcon title={`无法生成${what}`} description={error.message} />}
        {width > 0 && preview(width, height)}
      </section>
    </div>
  );
}

function SlipsPrint({ choice, onKind }: { choice: ProblemPrintChoice; onKind(kind: ProblemPrintKind): void }) {
  const { status } = useAppStatus();
  const all = useApi('problems.list', {});
  const [withClosed, setWithClosed] = useState(false);
  const picked = useSlipChoice();
  const selected = useMemo(() => new Set(picked), [picked]);
  const problems = useMemo(
    () => (all.data ?? []).filter((p) => withClosed || isOpen(p.status) || selected.has(p.id)),
    [all.data, withClosed, selected],
  );
  const chosen = useMemo(() => (all.data ?? []).filter((p) => selected.has(p.id)), [all.data, selected]);
  const job =
    chosen.length > 0
      ? { route: slipRoute(chosen.map((p) => p.id)), pdfName: slipPdfName(chosen.map((p) => p.code)) }
      : null;

  return (
    <PrintFrame
      choice={choice}
      onKind={onKind}
      tallSide
      options={
        all.data ? (
          <SlipPicker
            problems={problems}
            selected={selected}
            onChange={chooseSlips}
            withClosed={withClosed}
            onWithClosed={setWithClosed}
          />
        ) : (
          <Spin className="problem-print-picker-loading" description="正在读取问题…" />
        )
      }
      summary={
        all.data ? (
          <>
            列出 <b className="num">{problems.length}</b> 个问题，已选 <b className="num">{chosen.length}</b> 个
            <br />
            A4 纵向，每个问题一页，共 {chosen.length} 页
          </>
        ) : (
          '正在读取…'
        )
      }
      job={job}
      loading={all.loading}
      error={all.error}
      preview={(width, height) =>
        all.data &&
        (chosen.length > 0 ? (
          <SlipPreview problems={chosen} cityName={status.cityName} width={width} height={height} />
        ) : (
          <p className="problem-print-empty zd-muted">
            请在左侧勾选要打印交办单的问题，或在“问题清单”中勾选后点“打印交办单”。
          </p>
        ))
      }
    />
  );
}

function ListPrint({
  choice,
  onKind,
  onOptions,
}: {
  choice: ProblemPrintChoice;
  onKind(kind: ProblemPrintKind): void;
  onOptions(options: ProblemListPrintOptions): void;
}) {
  const options = choice.list;
  const query = useApi('problems.printData', { groupBy: options.group, scope: options.scope });
  const [pageCount, setPageCount] = useState<number | null>(null);
  const onPageCount = useCallback((count: number | null) => setPageCount(count), []);
  const data = query.data;
  const problems = useMemo(() => (data ? distinctProblems(data) : []), [data]);
  const overdue = problems.filter((p) => p.daysOverdue > 0).length;

  return (
    <PrintFrame
      choice={choice}
      onKind={onKind}
      options={<ProblemListOptionsPanel options={options} onChange={onOptions} />}
      summary={
        data ? (
          <>
            共 <b className="num">{problems.length}</b> 个问题（超期 <b className="num">{overdue}</b> 个），
            {data.groups.length} 组
            <br />
            {PAPER_LABELS[options.paper]}，{pageCount === null ? '正在排版…' : `预计 ${pageCount} 页`}
          </>
        ) : (
          '正在读取…'
        )
      }
      job={
        data
          ? {
              route: problemListRoute(options),
              pdfName: problemListPdfName(options, formatChineseDate(data.printedOn)),
            }
          : null
      }
      excel={
        <ExcelExportButton
          noun="问题"
          disabled={!data}
          onExport={() => exportExcel('ledger.exportProblems', { groupBy: options.group, scope: options.scope })}
        />
      }
      loading={query.loading}
      error={query.error}
      preview={(width) =>
        data ? (
          <Spin spinning={query.loading} description="正在更新…">
            <ProblemListPreview data={data} options={options} width={width} onPageCount={onPageCount} />
          </Spin>
        ) : (
          !query.error && <Spin className="zd-spin-block" description="正在排版…" />
        )
      }
    />
  );
}

/** 打印: 交办单 for the problems chosen, or the 问题清单 grouped by unit or 链长. */
export function ProblemsPrintTab() {
  const [choice, setChoice] = useState(loadProblemPrintChoice);
  const change = (next: ProblemPrintChoice) => {
    setChoice(next);
    saveProblemPrintChoice(next);
  };
  const onKind = (kind: ProblemPrintKind) => change({ ...choice, kind });
  return choice.kind === 'slips' ? (
    <SlipsPrint choice={choice} onKind={onKind} />
  ) : (
    <ListPrint choice={choice} onKind={onKind} onOptions={(list) => change({ ...choice, list })} />
  );
}
