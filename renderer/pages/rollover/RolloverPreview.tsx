import { useMemo } from 'react';
import type { RolloverProposal } from '../../../db/model/rollover';
import { MoneyPanel } from './MoneyPanel';
import { MovesPanel } from './MovesPanel';
import { proposedSelection } from './rollover-summary';

interface RolloverPreviewProps {
  proposal: RolloverProposal;
  selected: ReadonlySet<number>;
  onSelect(next: Set<number>): void;
}

/** Step 2 预览: stage moves to tick on the left, the money that rolls on the right. */
export function RolloverPreview({ proposal, selected, onSelect }: RolloverPreviewProps) {
  const proposed = useMemo(() => proposedSelection(proposal), [proposal]);
  return (
    <div className="rollover-preview">
      <MovesPanel moves={proposal.moves} selected={selected} onSelect={onSelect} proposed={proposed} />
      <MoneyPanel money={proposal.money} fromYear={proposal.fromYear} />
    </div>
  );
}
