import { useMemo } from 'react';
import type { RolloverProposal } from '../../../db/model/rollover';
import { MoneyPanel } from './MoneyPanel';
import { MovesPanel } from './MovesPanel';
import { proposedSelection, type UnstartedChoice } from './rollover-summary';
import { UnstartedPanel } from './UnstartedPanel';

interface RolloverPreviewProps {
  proposal: RolloverProposal;
  selected: ReadonlySet<number>;
  onSelect(next: Set<number>): void;
  choices: ReadonlyMap<number, UnstartedChoice>;
  onChoose(next: Map<number, UnstartedChoice>): void;
}

/** Step 2 预览: unstarted 新开工 to decide first, then stage moves to tick on the left, the money on the right. */
export function RolloverPreview({ proposal, selected, onSelect, choices, onChoose }: RolloverPreviewProps) {
  const proposed = useMemo(() => proposedSelection(proposal), [proposal]);
  return (
    <div className="zd-page zd-stack">
      <UnstartedPanel
        unstarted={proposal.unstarted}
        fromYear={proposal.fromYear}
        toYear={proposal.toYear}
        choices={choices}
        onChoose={onChoose}
      />
      <div className="rollover-preview">
        <MovesPanel moves={proposal.moves} selected={selected} onSelect={onSelect} proposed={proposed} />
        <MoneyPanel money={proposal.money} fromYear={proposal.fromYear} />
      </div>
    </div>
  );
}
