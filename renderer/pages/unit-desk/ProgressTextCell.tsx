import { Input } from 'antd';
import type { KeyboardEvent } from 'react';
import type { UnitDeskProject } from '../../../db/model/unit-desk';
import { invoke } from '../../api';
import { SaveNote } from './SaveNote';
import { useDraft, useSave } from './use-save';

/** 形象进度 (the project's own field): saved when the clerk leaves the box or presses Ctrl+Enter. */
export function ProgressTextCell({
  project,
  today,
  onSaved,
}: {
  project: UnitDeskProject;
  today: string;
  onSaved(): void;
}) {
  const { draft, setDraft, accept, dirty } = useDraft(project.progressText);
  const { outcome, run } = useSave();
  const save = async () => {
    if (!dirty) return;
    const done = await run(async () => {
      const view = await invoke('projects.update', { id: project.projectId, progressText: draft });
      accept(view.progressText);
      return undefined;
    });
    if (done) onSaved();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  return (
    <td className="unit-desk-progress">
      <Input.TextArea
        aria-label={`${project.name} 形象进度`}
        value={draft}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 6 }}
        status={outcome.kind === 'refused' ? 'error' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
      <SaveNote outcome={outcome} today={today} />
    </td>
  );
}
