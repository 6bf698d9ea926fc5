import { FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Spin } from 'antd';
import { useRef, useState } from 'react';
import type { LedgerImportPreview, LedgerImportResult, MethodInput } from '../../../electron/api-spec';
import type { LedgerField } from '../../../db/model/ledger-fields';
import { formatChineseDate } from '../../../db/model/dates';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { ImportFilePicker } from './ImportFilePicker';
import { firstTab, type ImportTab } from './ImportPreviewTables';
import { ImportPreviewView } from './ImportPreviewView';
import { baseName, fileSizeRefusal, readFileBase64 } from './ledger-import-file';
import {
  applyBlocker,
  confirmSentence,
  IMPORT_EXPLANATION,
  importedSentence,
  skippedRowsSentence,
} from './ledger-import-text';
import './ledger-import.css';

interface ChosenFile {
  fileName: string;
  /** null until read (and never for a file refused by its size) */
  contentBase64: string | null;
}
type Busy = 'checking' | 'applying' | null;
interface Failure {
  message: string;
  /** an apply refusal is shown by the button that caused it; a preview refusal under the file */
  during: 'preview' | 'apply';
  /** the database or file changed since the preview: offer to preview again */
  stale: boolean;
}

function failureOf(error: unknown, during: Failure['during']): Failure {
  const fallback = during === 'apply' ? '导入未完成，数据未改动，请重试' : '文件未能读取，请重试';
  return {
    message: error instanceof Error && error.message ? error.message : fallback,
    during,
    stale: error instanceof ApiError && error.code === 'preview_stale',
  };
}

/** The clerk's corrections to what the preview read: sent with every preview and with the apply. */
interface Choices {
  defaultChainId: number | undefined;
  columnMap: Record<string, LedgerField | null>;
  rowChains: Record<string, number>;
}

const NO_CHOICES: Choices = { defaultChainId: undefined, columnMap: {}, rowChains: {} };

function importInput(file: { fileName: string; contentBase64: string }, choices: Choices) {
  const input: MethodInput<'ledger.previewImport'> = {
    fileName: file.fileName,
    contentBase64: file.contentBase64,
    columnMap: choices.columnMap,
    rowChains: choices.rowChains,
  };
  if (choices.defaultChainId !== undefined) input.defaultChainId = choices.defaultChainId;
  return input;
}

function readFrom(file: { fileName: string; contentBase64: string | null }) {
  return file.contentBase64 === null ? null : { fileName: file.fileName, contentBase64: file.contentBase64 };
}

/** The chosen file and, once read, which sheets held the ledger and its 截至日期. */
function FileLine({
  file,
  read,
  onReset,
  disabled,
}: {
  file: ChosenFile;
  read: LedgerImportPreview | null;
  onReset(): void;
  disabled: boolean;
}) {
  return (
    <div className="ledger-import-file">
      <FileExcelOutlined className="ledger-import-file-icon" aria-hidden />
      <span className="zd-ellipsis zd-strong">{file.fileName}</span>
      {read && (
        <span className="ledger-import-file-meta zd-nowrap zd-muted">
          <span>读取工作表：{read.sheets.join('、')}</span>
          <span>年度：{read.year}年</span>
          <span>截至日期：{formatChineseDate(read.asOf)}</span>
        </span>
      )}
      <Button size="small" className="zd-none zd-push" disabled={disabled} onClick={onReset}>
        重新选择文件
      </Button>
    </div>
  );
}

/** 导入已有台账: choose the office's own workbook, see what it would create and change, then import it. */
export function LedgerImportPanel() {
  const { modal } = App.useApp();
  const { refreshStatus } = useAppStatus();
  const reference = useApi('reference.list', {});
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [preview, setPreview] = useState<LedgerImportPreview | null>(null);
  const [result, setResult] = useState<LedgerImportResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [skipErrors, setSkipErrors] = useState(false);
  const [tab, setTab] = useState<ImportTab>('creates');
  // a newer file or preview makes any answer still on its way irrelevant
  const ticket = useRef(0);

  /** `previous`: the choices before a correction, kept with their preview if the server refuses the correction */
  async function runPreview(read: { fileName: string; contentBase64: string }, chosen: Choices, previous?: Choices) {
    const mine = ++ticket.current;
    setBusy('checking');
    setFailure(null);
    try {
      const shown = await invoke('ledger.previewImport', importInput(read, chosen));
      if (mine !== ticket.current) return;
      setPreview(shown);
      setSkipErrors(false);
      if (!previous) setTab(firstTab(shown));
    } catch (error) {
      if (mine !== ticket.current) return;
      if (previous) setChoices(previous);
      else setPreview(null);
      setFailure(failureOf(error, previous ? 'apply' : 'preview'));
    } finally {
      if (mine === ticket.current) setBusy(null);
    }
  }

  async function pick(chosen: File) {
    const mine = ++ticket.current;
    setPreview(null);
    setResult(null);
    setSkipErrors(false);
    setFile({ fileName: chosen.name, contentBase64: null });
    const tooBig = fileSizeRefusal(chosen);
    if (tooBig) {
      setBusy(null);
      setFailure({ message: tooBig, during: 'preview', stale: false });
      return;
    }
    setFailure(null);
    setBusy('checking');
    let contentBase64: string;
    try {
      contentBase64 = await readFileBase64(chosen);
    } catch {
      if (mine !== ticket.current) return;
      setBusy(null);
      setFailure({ message: '无法读取这个文件，请确认它没有被其他程序占用后重试', during: 'preview', stale: false });
      return;
    }
    if (mine !== ticket.current) return;
    const read = { fileName: chosen.name, contentBase64 };
    setFile(read);
    // a new file starts from what its own headers say
    setChoices(NO_CHOICES);
    await runPreview(read, NO_CHOICES);
  }

  function reset() {
    ticket.current++;
    setFile(null);
    setPreview(null);
    setResult(null);
    setFailure(null);
    setSkipErrors(false);
    setBusy(null);
  }

  function choose(next: Choices) {
    const previous = choices;
    setChoices(next);
    const read = file && readFrom(file);
    if (read) void runPreview(read, next, previous);
  }

  async function apply(shown: LedgerImportPreview, read: { fileName: string; contentBase64: string }, skip: boolean) {
    const mine = ++ticket.current;
    setBusy('applying');
    setFailure(null);
    try {
      const done = await invoke('ledger.applyImport', {
        ...importInput(read, choices),
        fingerprint: shown.fingerprint,
        skipErrors: skip && shown.errors.length > 0,
      });
      if (mine !== ticket.current) return;
      setResult(done);
      setPreview(null);
      // the header counts the projects in the library
      void refreshStatus();
    } catch (error) {
      if (mine === ticket.current) setFailure(failureOf(error, 'apply'));
    } finally {
      if (mine === ticket.current) setBusy(null);
    }
  }

  function askToApply() {
    const read = file && readFrom(file);
    if (!preview || !read) return;
    const shown = preview;
    const skip = skipErrors;
    modal.confirm({
      title: '确认导入台账？',
      content: confirmSentence(shown, skip),
      okText: '开始导入',
      cancelText: '取消',
      onOk: () => {
        void apply(shown, read, skip);
      },
    });
  }

  const read = file && readFrom(file);
  const blocker = preview && applyBlocker(preview, skipErrors);
  const failureAlert = failure && (
    <Alert
      className="ledger-import-alert"
      type="error"
      showIcon
      title={failure.message}
      action={
        failure.stale && read ? (
          <Button size="small" onClick={() => void runPreview(read, choices)}>
            重新预览
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <section className="ledger-panel ledger-import" aria-labelledby="ledger-import-title">
      <h2 className="ledger-panel-title zd-strong" id="ledger-import-title">
        导入已有台账
      </h2>
      <div className="ledger-import-body">
        <p className="ledger-import-explain zd-muted">{IMPORT_EXPLANATION}</p>
        <ImportFilePicker
          compact={file !== null}
          disabled={busy !== null}
          onFile={(chosen) => void pick(chosen)}
          onRefuse={(message) => setFailure({ message, during: 'preview', stale: false })}
        >
          {file && <FileLine file={file} read={preview ?? result} onReset={reset} disabled={busy !== null} />}
        </ImportFilePicker>
        <div aria-live="polite">
          {busy === 'checking' && !preview && (
            <div className="ledger-import-checking zd-muted">
              <Spin size="small" />
              <span>正在读取并核对…</span>
            </div>
          )}
          {failure?.during === 'preview' && failureAlert}
          {result && (
            <Alert
              className="ledger-import-alert"
              type="success"
              showIcon
              title={importedSentence(result.creates.length, result.updates.length, baseName(result.backupFile))}
              description={skippedRowsSentence(result.errors)}
              action={
                <a className="zd-nowrap" href="#/projects">
                  到项目库查看
                </a>
              }
            />
          )}
        </div>
        {preview && (
          <Spin
            spinning={busy !== null}
            description={busy === 'applying' ? '正在备份数据库并导入…' : '正在读取并核对…'}
          >
            <ImportPreviewView
              preview={preview}
              chains={reference.data?.chains ?? []}
              chainsLoading={reference.loading}
              defaultChainId={choices.defaultChainId}
              onDefaultChainChange={(defaultChainId) => choose({ ...choices, defaultChainId })}
              onRowChainChange={(key, chainId) =>
                choose({ ...choices, rowChains: { ...choices.rowChains, [key]: chainId } })
              }
              onColumnChange={(header, field) =>
                choose({ ...choices, columnMap: { ...choices.columnMap, [header]: field } })
              }
              tab={tab}
              onTabChange={setTab}
              disabled={busy !== null}
            />
          </Spin>
        )}
      </div>
      {preview && (
        <div className="ledger-import-actions">
          <Button
            type="primary"
            icon={<ImportOutlined />}
            loading={busy === 'applying'}
            disabled={blocker !== null || busy !== null}
            onClick={askToApply}
          >
            {busy === 'applying' ? '正在导入…' : '确认导入'}
          </Button>
          {preview.errors.length > 0 && (
            <Checkbox
              checked={skipErrors}
              disabled={busy !== null}
              onChange={(event) => setSkipErrors(event.target.checked)}
            >
              {`跳过这 ${preview.errors.length} 行，只导入其余项目`}
            </Checkbox>
          )}
          <div className="ledger-import-outcome" aria-live="polite">
            {failure?.during === 'apply' ? failureAlert : blocker && <span className="zd-hint">{blocker}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
