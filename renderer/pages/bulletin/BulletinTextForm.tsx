import { Button, Input, Tag } from 'antd';
import type { BulletinText } from '../../../db/model/bulletin';
import { BULLETIN_DOC_NUMBER_MAX, BULLETIN_SUMMARY_MAX } from '../../../db/model/bulletin';

export interface BulletinDraft {
  docNumber: string;
  summary: string;
}

/** 文号 and the summary paragraph as the clerk edits them before printing. */
export function BulletinTextForm(props: {
  saved: BulletinText;
  draft: BulletinDraft;
  onChange(draft: BulletinDraft): void;
  onSave(): void;
  onRestoreAuto(): void;
  busy: boolean;
  readOnly: boolean;
}) {
  const { saved, draft, onChange, onSave, onRestoreAuto, busy, readOnly } = props;
  const changed = draft.docNumber !== saved.docNumber || draft.summary !== saved.summary || !saved.docNumberSaved;
  return (
    <div className="bulletin-form">
      <label className="print-field-label" htmlFor="bulletin-doc-number">
        文号{!saved.docNumberSaved && saved.docNumber && <span className="zd-muted">（按上月顺延，未保存）</span>}
      </label>
      <Input
        id="bulletin-doc-number"
        value={draft.docNumber}
        maxLength={BULLETIN_DOC_NUMBER_MAX}
        placeholder="如：湘乡重点办〔2026〕11号"
        disabled={readOnly}
        onChange={(e) => onChange({ ...draft, docNumber: e.target.value })}
      />
      <div className="bulletin-summary-label">
        <label className="print-field-label" htmlFor="bulletin-summary">
          通报摘要
        </label>
        {saved.summaryEdited ? <Tag color="orange">已手工修改</Tag> : <Tag>按数字自动生成</Tag>}
      </div>
      <Input.TextArea
        id="bulletin-summary"
        value={draft.summary}
        maxLength={BULLETIN_SUMMARY_MAX}
        autoSize={{ minRows: 6, maxRows: 14 }}
        disabled={readOnly}
        onChange={(e) => onChange({ ...draft, summary: e.target.value })}
      />
      {!readOnly && (
        <div className="print-actions">
          <Button type="primary" loading={busy} disabled={busy || !changed} onClick={onSave}>
            保存文字
          </Button>
          <Button
            disabled={busy || (!saved.summaryEdited && draft.summary === saved.autoSummary)}
            onClick={onRestoreAuto}
          >
            恢复自动生成
          </Button>
        </div>
      )}
    </div>
  );
}
