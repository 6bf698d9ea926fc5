import { Alert, Button, Spin } from 'antd';
import type { RolloverProposal } from '../../../db/model/rollover';
import {
  countByKind,
  MOVE_KIND_LABELS,
  moneyTotals,
  type ApplyFailure,
  type UnstartedChoice,
} from './rollover-summary';
import { MoneyCell } from '../../ui/MoneyCell';

interface RolloverConfirmProps {
  proposal: RolloverProposal;
  selected: ReadonlySet<number>;
  sentence: string;
  applying: boolean;
  failure: ApplyFailure | null;
  choices: ReadonlyMap<number, UnstartedChoice>;
  onRestart(): Promise<void>;
}

/** Step 3 确认: the whole rollover in one sentence, then what stays as it is. */
export function RolloverConfirm(props: RolloverConfirmProps) {
  const { proposal, selected, sentence, applying, failure, choices, onRestart } = props;
  const decisions = [...choices.values()];
  const back = decisions.filter((c) => c.action === 'preliminary').length;
  const replanned = decisions.length - back;
  const byKind = countByKind(proposal.moves, selected).filter((c) => c.selected > 0);
  const unticked = proposal.moves.filter((m) => !selected.has(m.projectId));
  const totals = moneyTotals(proposal.money);
  return (
    <Spin spinning={applying} description="正在备份数据并执行结转，请稍候…">
      <div className="rollover-panel rollover-confirm">
        <p className="rollover-sentence zd-strong">{sentence}</p>
        {failure && (
          <Alert
            className="rollover-alert"
            type="error"
            showIcon
            title="结转未完成"
            description={failure.message}
            action={
              failure.stale ? (
                <Button size="small" onClick={() => void onRestart()}>
                  重新预览
                </Button>
              ) : undefined
            }
          />
        )}
        <dl className="zd-facts rollover-facts">
          <dt>阶段变更</dt>
          <dd>
            {byKind.length === 0
              ? '不变更任何项目的阶段'
              : byKind.map((c) => `${MOVE_KIND_LABELS[c.kind]} ${c.selected} 个`).join('，')}
          </dd>
          <dt>保持原阶段</dt>
          <dd>
            {unticked.length === 0 ? (
              '无'
            ) : (
              <>
                {unticked.length} 个未勾选的项目：
                <span className="zd-muted">{unticked.map((m) => m.name).join('、')}</span>
              </>
            )}
          </dd>
          <dt>投资结转</dt>
          <dd>
            {proposal.money.length} 个项目的{proposal.fromYear}年完成投资合计{' '}
            <MoneyCell yuan={totals.yearCompletedYuan} /> 万元并入“截至上年底累计”；本年计划投资清零
          </dd>
          {proposal.unstarted.length > 0 && (
            <>
              <dt>未开工的新开工</dt>
              <dd>
                退回前期 {back} 个，改定{proposal.toYear}年计划开工日期 {replanned} 个
              </dd>
            </>
          )}
          <dt>计划年度</dt>
          <dd>
            {proposal.fromYear}年 → {proposal.toYear}年
          </dd>
          <dt>备份与撤销</dt>
          <dd>执行前自动备份全部数据；完成后可撤销本次结转，恢复到此刻的状态</dd>
        </dl>
      </div>
    </Spin>
  );
}
