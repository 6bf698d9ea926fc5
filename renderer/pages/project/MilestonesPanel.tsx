import { PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Milestone } from '../../../db/model/milestones';
import type { ProjectDetail } from '../../../db/model/project';
import { ApiError, invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { GenerateScheduleDialog } from './GenerateScheduleDialog';
import { MilestoneEditor } from './MilestoneEditor';
import {
  blankNode,
  changedKeys,
  draftOf,
  isDirty,
  moveNode,
  toInput,
  type DraftNode,
  type DraftPatch,
} from './milestone-draft';

interface Props {
  project: ProjectDetail;
  /** the project's nodes as saved */
  saved: Milestone[];
  today: string;
  dueDays: number;
  /** after the server has written nodes: reload them, and the project's lights with them */
  onSaved(): Promise<void>;
  onDirtyChange(dirty: boolean): void;
}

/** 节点: the editable node list, saved as one ordered list with 保存节点, and 倒排生成 from a stage template. */
export function MilestonesPanel({ project, saved, today, dueDays, onSaved, onDirtyChange }: Props) {
  const { message } = AntApp.useApp();
  const reference = useApi('reference.list', {});
  const savedDraft = useMemo(() => draftOf(saved), [saved]);
  const [draft, setDraft] = useState<DraftNode[]>(savedDraft);
  const [basis, setBasis] = useState(savedDraft);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [generating, setGenerating] = useState(false);
  // What the server now holds replaces the table: after saving, generating or reloading.
  if (basis !== savedDraft) {
    setBasis(savedDraft);
    setDraft(savedDraft);
  }

  const dirty = isDirty(draft, savedDraft);
  const changed = useMemo(() => changedKeys(draft, savedDraft), [draft, savedDraft]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const edit = (next: DraftNode[]) => {
    setDraft(next);
    setSaveError(undefined);
  };
  const onChange = (key: string, patch: DraftPatch) => edit(draft.map((n) => (n.key === key ? { ...n, ...patch } : n)));

  async function save() {
    setSaving(true);
    setSaveError(undefined);
    try {
      await invoke('milestones.save', {
        projectId: project.id,
        nodes: draft.map(toInput),
        readIds: saved.map((node) => node.id),
      });
      await onSaved();
      message.success('节点已保存');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setSaveError(error.message);
    } finally {
      setSaving(false);
    }
  }

  const unnamed = draft.some((n) => !n.name.trim());
  return (
    <>
      <div className="zd-toolbar ms-toolbar">
        <Button size="small" icon={<PlusOutlined />} onClick={() => edit([...draft, blankNode()])}>
          添加节点
        </Button>
        <Button size="small" icon={<ScheduleOutlined />} onClick={() => setGenerating(true)}>
          倒排生成
        </Button>
        <span className="zd-gap" />
        {dirty && <span className="ms-unsaved zd-text-yellow">有未保存的修改</span>}
        {dirty && (
          <Button size="small" disabled={saving} onClick={() => edit(savedDraft)}>
            撤销修改
          </Button>
        )}
        <Button size="small" type="primary" disabled={!dirty} loading={saving} onClick={() => void save()}>
          保存节点
        </Button>
      </div>
      {saveError && <Alert type="error" showIcon title={saveError} className="ms-alert" />}
      {!saveError && unnamed && dirty && (
        <div className="ms-hint zd-text-red zd-small">节点名称不能为空，请填写后再保存。</div>
      )}
      {reference.error && (
        <Alert type="error" showIcon title={`单位名单读取失败：${reference.error.message}`} className="ms-alert" />
      )}
      {draft.length ? (
        <MilestoneEditor
          nodes={draft}
          changed={changed}
          today={today}
          dueDays={dueDays}
          units={reference.data?.units ?? []}
          onChange={onChange}
          onMove={(key, by) => edit(moveNode(draft, key, by))}
          onDelete={(key) => edit(draft.filter((n) => n.key !== key))}
        />
      ) : (
        <div className="pd-empty zd-faint">
          {dirty ? '节点已全部删除，点“保存节点”后生效。' : '暂无节点。可点“倒排生成”按模板排出节点，或逐个添加。'}
        </div>
      )}
      <GenerateScheduleDialog
        project={project}
        open={generating}
        unsaved={dirty}
        existing={saved}
        onClose={() => setGenerating(false)}
        onGenerated={onSaved}
      />
    </>
  );
}
