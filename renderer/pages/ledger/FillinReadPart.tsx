import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import type { FillinPeriod } from '../../../electron/api-spec';
import { FillinFilePicker } from './FillinFilePicker';
import { FillinPreviewView } from './FillinPreviewView';
import { resultsOf, type FillinReader } from './fillin-reader';
import { appliedSentence, applyBlocker, confirmSentence, projectsToUpdate, READ_EXPLANATION } from './fillin-text';

const BUSY_TEXT = {
  reading: '正在读取文件…',
  checking: '正在核对填报表…',
  applying: '正在备份数据库并更新…',
} as const;

/** 二、读取收回的填报表: choose the returned files, see per file what they change, then update in one go. */
export function FillinReadPart({ period, reader }: { period: FillinPeriod; reader: FillinReader }) {
  const { modal } = App.useApp();
  const { chosen, busy, preview, applied, failure } = reader;

  const results = applied ? applied.result.files : resultsOf(chosen, preview?.files);
  const toUpdate = projectsToUpdate(results);
  const blocker = applyBlocker(results);
  // a stale preview must be looked at again before anything is written
  const canApply = preview !== null && !applied && blocker === null && !failure?.stale;

  const askToApply = () => {
    if (!preview) return;
    const shown = preview;
    modal.confirm({
      title: '确认按填报表更新？',
      content: confirmSentence(toUpdate),
      okText: '确认更新',
      cancelText: '取消',
      onOk: () => reader.apply(period, shown),
    });
  };

  const failureAlert = failure && (
    <Alert
      className="fillin-alert"
      type="error"
      showIcon
      title={failure.message}
      action={
        failure.stale ? (
          <Button size="small" onClick={() => reader.repreview(period)}>
            重新预览
          </Button>
        ) : undefined
      }
    />
  );

  return (
    <div className="fillin-part" role="region" aria-labelledby="fillin-read-title">
      <h3 className="fillin-part-title zd-strong" id="fillin-read-title">
        二、读取收回的填报表
      </h3>
      <div className="fillin-part-body zd-stack">
        <p className="fillin-explain zd-muted">{READ_EXPLANATION}</p>
        <FillinFilePicker
          count={chosen.length}
          disabled={busy !== null}
          onFiles={(files) => reader.add(files, period)}
          onClear={reader.clear}
        />
        <div aria-live="polite">
          {busy !== null && results.length === 0 && (
            <Spin description={BUSY_TEXT[busy]}>
              <div className="fillin-busy-space" />
            </Spin>
          )}
          {failure?.during === 'preview' && failureAlert}
          {applied && (
            <Alert
              className="fillin-alert"
              type="success"
              showIcon
              title={appliedSentence(projectsToUpdate(applied.result.files), applied.backup)}
            />
          )}
        </div>
        {results.length > 0 && (
          <Spin spinning={busy !== null} description={busy ? BUSY_TEXT[busy] : undefined}>
            <FillinPreviewView
              results={results}
              kind={period.kind}
              open={reader.open}
              onOpen={reader.setOpen}
              applied={applied !== null}
              onRemove={(fileName) => reader.remove(fileName, period)}
              disabled={busy !== null}
            />
          </Spin>
        )}
      </div>
      {preview && !applied && (
        <div className="fillin-actions">
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'applying'}
            disabled={!canApply || busy !== null}
            onClick={askToApply}
          >
            {busy === 'applying' ? '正在更新…' : '确认更新'}
          </Button>
          <div className="fillin-outcome" aria-live="polite">
            {failure?.during === 'apply' ? (
              failureAlert
            ) : blocker ? (
              <span className="zd-hint">{blocker}</span>
            ) : (
              <span className="zd-hint">{`确认后更新${toUpdate}个项目；有问题的行和不读取的文件不会写入`}</span>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
