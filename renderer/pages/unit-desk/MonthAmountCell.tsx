import type { KeyboardEvent } from 'react';
import { formatWan, parseWan } from '../../../db/model/money';
import type { UnitDeskProject } from '../../../db/model/unit-desk';
import { invoke } from '../../api';
import { MoneyInput } from '../../ui/MoneyInput';
import { SaveNote } from './SaveNote';
import { NOT_STARTED } from './unit-desk-text';
import { useDraft, useSave } from './use-save';

interface MonthAmountCellProps {
  project: UnitDeskProject;
  year: number;
  month: number;
  today: string;
  onSaved(): void;
}

/** 本月完成（万元）: typed in 万元, saved in yuan when the clerk leaves the box or presses Enter; empty clears it. */
export function MonthAmountCell({ project, year, month, today, onSaved }: MonthAmountCellProps) {
  const server = formatWan(project.monthAmountYuan);
  const { draft, setDraft, accept, dirty } = useDraft(server);
  const { outcome, run } = useSave();
  if (!project.reportsMonth) {
    return (
      <td className="unit-desk-money zd-muted" title={NOT_STARTED}>
        —
      </td>
    );
  }
  const save = async () => {
    const parsed = parseWan(draft);
    // the box marks an unreadable amount itself; nothing is sent until it reads
    if (!dirty || !parsed.ok || parsed.yuan === project.monthAmountYuan) return;
    const done = await run(async () => {
      await invoke('projects.setMonthlyInvestment', {
        projectId: project.projectId,
        year,
        month,
        amountYuan: parsed.yuan,
        readAmountYuan: project.monthAmountYuan,
      });
      accept(formatWan(parsed.yuan));
      return undefined;
    });
    if (done) onSaved();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') void save();
  };
  return (
    <td className="unit-desk-money">
      <MoneyInput
        aria-label={`${project.name} ${month}月完成投资（万元）`}
        value={draft}
        onChange={setDraft}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
        status={outcome.kind === 'refused' ? 'error' : undefined}
      />
      <SaveNote outcome={outcome} today={today} />
    </td>
  );
}
