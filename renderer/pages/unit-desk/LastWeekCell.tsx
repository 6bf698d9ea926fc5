import { Button } from 'antd';
import type { UnitDeskProject } from '../../../db/model/unit-desk';
import { invoke } from '../../api';
import { SaveNote } from './SaveNote';
import { useSave } from './use-save';

interface LastWeekCellProps {
  project: UnitDeskProject;
  week: string;
  today: string;
  onSaved(): void;
}

/** 上周进展, read-only, with 沿用上周: this week's report is last week's text, confirmed as it stands. */
export function LastWeekCell({ project, week, today, onSaved }: LastWeekCellProps) {
  const { outcome, run } = useSave();
  const last = project.lastWeek;
  const confirm = async () => {
    const done = await run(async () => {
      await invoke('dispatch.confirm', { week, projectIds: [project.projectId] });
      return undefined;
    });
    if (done) onSaved();
  };
  return (
    <td className="unit-desk-last">
      <div className="unit-desk-last-text">{last?.progress || <span className="zd-muted">（上周无进展）</span>}</div>
      {last && !project.reported && (
        <Button size="small" onClick={() => void confirm()} loading={outcome.kind === 'saving'}>
          沿用上周
        </Button>
      )}
      <SaveNote outcome={outcome} today={today} />
    </td>
  );
}
