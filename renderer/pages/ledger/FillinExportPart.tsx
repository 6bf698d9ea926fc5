import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useState } from 'react';
import type { ExportedFile, FillinPeriod } from '../../../electron/api-spec';
import { invoke } from '../../api';
import { downloadFile } from '../../download';
import { useApi } from '../../hooks/use-api';
import { FillinUnitPicker } from './FillinUnitPicker';
import { FILLIN_NOTE, failureMessage, generatedSentence } from './fillin-text';

type Outcome = { ok: true; file: ExportedFile; units: number } | { ok: false; message: string };

/** 一、生成填报表: tick the units, make one sheet per unit (several in one .zip) and download it. */
export function FillinExportPart({ period, periodText }: { period: FillinPeriod; periodText: string }) {
  const units = useApi('fillin.units', { period });
  const [unticked, setUnticked] = useState<Set<number>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // the outcome belongs to the period it was made for
  const [outcomeFor, setOutcomeFor] = useState(periodText);
  if (outcomeFor !== periodText) {
    setOutcomeFor(periodText);
    setOutcome(null);
  }

  const list = units.data?.units ?? [];
  const chosen = list.filter((unit) => !unticked.has(unit.unitId));

  const run = async () => {
    if (chosen.length === 0) return;
    setBusy(true);
    setOutcome(null);
    try {
      const file = await invoke('fillin.export', { period, unitIds: chosen.map((unit) => unit.unitId) });
      downloadFile(file);
      setOutcome({ ok: true, file, units: chosen.length });
    } catch (error) {
      setOutcome({ ok: false, message: failureMessage(error, '填报表未能生成，请重试') });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (units.error && !units.data) {
    body = <Alert type="error" showIcon title={`责任单位读取失败：${units.error.message}`} />;
  } else if (!units.data) {
    body = (
      <Spin description="正在读取责任单位…">
        <div className="fillin-units-loading" />
      </Spin>
    );
  } else if (list.length === 0) {
    body = (
      <p className="fillin-empty zd-muted">{`${periodText}没有需要填报的项目（各项目未指定责任单位，或不在填报范围内）`}</p>
    );
  } else {
    body = (
      <Spin spinning={busy || units.loading} description={busy ? '正在生成填报表…' : '正在读取责任单位…'}>
        <FillinUnitPicker units={list} unticked={unticked} disabled={busy} onChange={setUnticked} />
      </Spin>
    );
  }

  return (
    <div className="fillin-part" role="region" aria-labelledby="fillin-export-title">
      <h3 className="fillin-part-title zd-strong" id="fillin-export-title">
        一、生成填报表
      </h3>
      <div className="fillin-part-body">{body}</div>
      <div className="fillin-actions">
        <Button
          type="primary"
          icon={<FileExcelOutlined />}
          loading={busy}
          disabled={chosen.length === 0 || !units.data || units.loading}
          onClick={() => void run()}
        >
          {busy ? '正在生成…' : '生成填报表'}
        </Button>
        <div className="fillin-outcome" aria-live="polite">
          {outcome?.ok === true && (
            <Alert
              className="fillin-alert"
              type="success"
              showIcon
              title={generatedSentence(outcome.file, outcome.units)}
              description={FILLIN_NOTE}
            />
          )}
          {outcome?.ok === false && (
            <Alert className="fillin-alert" type="error" showIcon title={`生成失败：${outcome.message}`} />
          )}
          {!outcome && units.data && list.length > 0 && (
            <span className="zd-hint">
              {chosen.length === 0
                ? '请至少选择一个单位'
                : chosen.length === 1
                  ? '生成一份Excel填报表（.xlsx）'
                  : `每个单位一份，${chosen.length}份打包成一个压缩文件（.zip）`}
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
