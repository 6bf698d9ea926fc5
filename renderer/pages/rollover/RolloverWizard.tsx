import { App, Button } from 'antd';
import { useState } from 'react';
import type { RolloverResult } from '../../../electron/api-spec';
import type { RolloverProposal, UnstartedDecision } from '../../../db/model/rollover';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { RolloverConfirm } from './RolloverConfirm';
import { RolloverDone } from './RolloverDone';
import { RolloverHeading, RolloverSteps, type WizardStep } from './RolloverFrame';
import { RolloverIntro } from './RolloverIntro';
import { RolloverPreview } from './RolloverPreview';
import {
  confirmSentence,
  proposedSelection,
  unstartedBlocker,
  type ApplyFailure,
  type UnstartedChoice,
} from './rollover-summary';

interface RolloverWizardProps {
  proposal: RolloverProposal;
  /** read the proposal again and start over (after an undo, or when the plan year moved meanwhile) */
  onRestart(): Promise<void>;
}

export function RolloverWizard({ proposal, onRestart }: RolloverWizardProps) {
  const { modal } = App.useApp();
  const { status, refreshStatus } = useAppStatus();
  const [step, setStep] = useState<WizardStep>(0);
  const [selected, setSelected] = useState(() => proposedSelection(proposal));
  const [choices, setChoices] = useState<ReadonlyMap<number, UnstartedChoice>>(new Map());
  const [applying, setApplying] = useState(false);
  const [failure, setFailure] = useState<ApplyFailure | null>(null);
  const [result, setResult] = useState<RolloverResult | null>(null);

  const backCount = [...choices.values()].filter((c) => c.action === 'preliminary').length;
  const movedCount = proposal.moves.filter((m) => selected.has(m.projectId)).length + backCount;
  const replanCount = [...choices.values()].filter((c) => c.action === 'replan').length;
  const sentence = confirmSentence(movedCount, proposal.money.length, proposal.toYear, replanCount);
  const blocker = unstartedBlocker(proposal.unstarted, choices);

  async function apply() {
    setApplying(true);
    setFailure(null);
    try {
      // keep the proposal's order, so the server and the preview list the same projects the same way
      const selectedProjectIds = proposal.moves.filter((m) => selected.has(m.projectId)).map((m) => m.projectId);
      const unstarted = proposal.unstarted.flatMap(({ projectId }): UnstartedDecision[] => {
        const choice = choices.get(projectId);
        if (choice?.action === 'preliminary') return [{ projectId, action: 'preliminary' as const }];
        if (choice?.action === 'replan' && choice.plannedStartDate) {
          return [{ projectId, action: 'replan' as const, plannedStartDate: choice.plannedStartDate }];
        }
        return [];
      });
      const done = await invoke('rollover.apply', { fromYear: proposal.fromYear, selectedProjectIds, unstarted });
      setResult(done);
      setStep(3);
    } catch (error) {
      const stale = error instanceof ApiError && error.code === 'stale';
      setFailure({ message: (error as Error).message || '结转未完成，数据未改动。', stale });
    } finally {
      setApplying(false);
      // the header's 年度 follows whatever the server now holds, success or not
      await refreshStatus();
    }
  }

  function askToApply() {
    modal.confirm({
      title: `确认执行${proposal.fromYear}年度结转？`,
      content: sentence,
      okText: '执行结转',
      cancelText: '再看看',
      autoFocusButton: 'cancel',
      onOk: () => {
        void apply();
      },
    });
  }

  const canNavigate = !result && !applying;
  const navigate = (to: WizardStep) => {
    // the confirm step lists exactly what will be applied: every unstarted 新开工 must be decided first
    if (to < 2 || !blocker) setStep(to);
  };
  return (
    <div className="zd-page rollover-page">
      <RolloverHeading proposal={proposal} />
      <RolloverSteps current={step} onChange={canNavigate ? navigate : undefined} />
      <div className="zd-page">
        {step === 0 && <RolloverIntro proposal={proposal} today={status.today} />}
        {step === 1 && (
          <RolloverPreview
            proposal={proposal}
            selected={selected}
            onSelect={setSelected}
            choices={choices}
            onChoose={setChoices}
          />
        )}
        {step === 2 && (
          <RolloverConfirm
            proposal={proposal}
            choices={choices}
            selected={selected}
            sentence={sentence}
            applying={applying}
            failure={failure}
            onRestart={onRestart}
          />
        )}
        {step === 3 && result && (
          <RolloverDone proposal={proposal} result={result} onRefreshStatus={refreshStatus} onRestart={onRestart} />
        )}
      </div>
      {step < 3 && (
        <div className="rollover-footer">
          {step === 1 && <span className={blocker ? 'zd-text-yellow' : 'zd-secondary'}>{blocker ?? sentence}</span>}
          <span className="zd-gap" />
          {step > 0 && (
            <Button disabled={applying} onClick={() => setStep((step - 1) as WizardStep)}>
              上一步
            </Button>
          )}
          {step === 0 && (
            <Button type="primary" onClick={() => setStep(1)}>
              下一步：预览变更
            </Button>
          )}
          {step === 1 && (
            <Button type="primary" disabled={blocker !== null} onClick={() => setStep(2)}>
              下一步：确认
            </Button>
          )}
          {step === 2 && (
            <Button type="primary" loading={applying} disabled={failure?.stale} onClick={askToApply}>
              执行结转
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
