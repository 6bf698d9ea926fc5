import { Input } from 'antd';
import type { KeyboardEvent } from 'react';
import { DISPATCH_TEXT_MAX } from '../../../db/model/dispatch';
import type { UnitDeskProject } from '../../../db/model/unit-desk';
import { invoke } from '../../api';
import { SaveNote } from './SaveNote';
import { useDraft, useSave } from './use-save';
import { savedTime } from './unit-desk-text';

interface WeekTextCellProps {
  project: UnitDeskProject;
  week: string;
  today: string;
  onSaved(): void;
}

/** 本周进展: saved when the clerk leaves the box or presses Ctrl+Enter; a refusal keeps the text. */
export function WeekTextCell({ project, week, today, onSaved }: WeekTextCellProps) {
  const saved = project.thisWeek;
  const { draft, setDraft, accept, dirty } = useDraft(saved?.progress ?? '');
  const { outcome, run } = useSave();

  const save = async () => {
    if (!dirty) return;
    const done = await run(async () => {
      const row = await invoke('dispatch.saveEntry', { projectId: project.projectId, week, progress: draft });
      accept(row.progress);
      return row.updatedAt ?? undefined;
    });
    if (done) onSaved();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };
  // an imported ledger's draft is an entry too, but not a report
  const idle = !project.reported
    ? '未报送'
    : saved
      ? `已报送 ${savedTime(saved.updatedAt, today)} ${saved.updatedBy}`
      : '已报送';
  return (
    <td className={`unit-desk-week${project.reported ? '' : ' is-unreported'}`}>
      <Input.TextArea
        aria-label={`${project.name} 本周进展`}
        value={draft}
        maxLength={DISPATCH_TEXT_MAX}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={project.lastWeek ? '填写本周进展，或点“沿用上周”' : '填写本周进展'}
        status={outcome.kind === 'refused' ? 'error' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
      <SaveNote outcome={dirty && outcome.kind === 'saved' ? { kind: 'idle' } : outcome} today={today} idle={idle} />
    </td>
  );
}
