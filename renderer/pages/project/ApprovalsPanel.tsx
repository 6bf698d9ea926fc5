import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { approvalProgress } from '../../../db/model/approvals';
import { CATEGORY_LABELS } from '../../../db/model/project';
import type { ApprovalChecklist } from '../../../electron/api-spec';
import { ApiError, invoke } from '../../api';
import { ApprovalEditor } from './ApprovalEditor';
import {
  approvalsDirty,
  blankApproval,
  changedApprovalKeys,
  draftOfApprovals,
  draftOfTemplate,
  moveApproval,
  patchApproval,
  toApprovalInput,
  type DraftApproval,
} from './approval-draft';

interface Props {
  checklist: ApprovalChecklist;
  today: string;
  dueDays: number;
  readOnly: boolean;
  /** after the server has written the checklist: reload it, and the project's lights and history with it */
  onSaved(): Promise<void>;
  onDirtyChange(dirty: boolean): void;
}

/**
 * 前期手续: the project's checklist, saved as one ordered list with 保存手续. An empty checklist is laid out from
 * the 项目类别's template only when the clerk asks (按模板建立清单), and written by the first save.
 */
export function ApprovalsPanel({ checklist, today, dueDays, readOnly, onSaved, onDirtyChange }: Props) {
  const { message } = AntApp.useApp();
  const saved = useMemo(() => draftOfApprovals(checklist.items), [checklist.items]);
  const [draft, setDraft] = useState<DraftApproval[]>(saved);
  const [basis, setBasis] = useState(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  // What the server now holds replaces the table: after saving or reloading.
  if (basis !== saved) {
    setBasis(saved);
    setDraft(saved);
  }
  const dirty = approvalsDirty(draft, saved);
  const changed = useMemo(() => changedApprovalKeys(draft, saved), [draft, saved]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const edit = (next: DraftApproval[]) => {
    setDraft(next);
    setSaveError(undefined);
  };

  async function save() {
    setSaving(true);
    setSaveError(undefined);
    try {
      await invoke('approvals.save', {
        projectId: checklist.projectId,
        items: draft.map(toApprovalInput),
        readIds: checklist.items.map((i) => i.id),
      });
      await onSaved();
      message.success('前期手续已保存');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setSaveError(error.message);
    } finally {
      setSaving(false);
    }
  }

  const category = CATEGORY_LABELS[checklist.category];
  const progress = dirty ? approvalProgress(draft) : checklist.progress;
  const unnamed = draft.some((i) => !i.name.trim());
  return (
    <>
      <div className="zd-toolbar ms-toolbar ap-toolbar">
        <span className={`ap-progress${progress.missing.length ? '' : ' ap-progress-done'}`}>
          {progress.text || '尚未建立前期手续清单'}
        </span>
        <span className="zd-gap" />
        {!readOnly && (
          <>
            {dirty && <span className="ms-unsaved zd-text-yellow">有未保存的修改</span>}
            <Button size="small" icon={<PlusOutlined />} onClick={() => edit([...draft, blankApproval()])}>
              添加手续
            </Button>
            {dirty && (
              <Button size="small" disabled={saving} onClick={() => edit(saved)}>
                撤销修改
              </Button>
            )}
            <Button size="small" type="primary" disabled={!dirty} loading={saving} onClick={() => void save()}>
              保存手续
            </Button>
          </>
        )}
      </div>
      {saveError && <Alert type="error" showIcon title={saveError} className="ms-alert" />}
      {!saveError && unnamed && dirty && (
        <div className="ms-hint zd-text-red zd-small">手续名称不能为空，请填写后再保存。</div>
      )}
      {draft.length ? (
        <ApprovalEditor
          items={draft}
          changed={changed}
          today={today}
          dueDays={dueDays}
          readOnly={readOnly}
          onChange={(key, patch) => edit(draft.map((i) => (i.key === key ? patchApproval(i, patch, today) : i)))}
          onMove={(key, by) => edit(moveApproval(draft, key, by))}
          onDelete={(key) => edit(draft.filter((i) => i.key !== key))}
        />
      ) : (
        <div className="pd-empty zd-faint ap-empty">
          {dirty || checklist.items.length ? (
            '手续已全部删除，点“保存手续”后生效。'
          ) : readOnly ? (
            '该项目尚未建立前期手续清单。'
          ) : (
            <>
              <span>
                该项目尚未建立前期手续清单。可按“{category}”模板列出{checklist.template.length}项手续，填好后保存。
              </span>
              {checklist.template.length > 0 && (
                <Button
                  size="small"
                  icon={<UnorderedListOutlined />}
                  onClick={() => edit(draftOfTemplate(checklist.template))}
                >
                  按模板建立清单
                </Button>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
