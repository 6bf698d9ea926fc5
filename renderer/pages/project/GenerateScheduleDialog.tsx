import { Alert, App as AntApp, Button, Checkbox, Modal, Select, Spin } from 'antd';
import { useState } from 'react';
import type { GeneratedMilestones } from '../../../electron/api-spec';
import { isOpenApproval } from '../../../db/model/approvals';
import type { Milestone } from '../../../db/model/milestones';
import { PROJECT_FIELD_LABELS, type ProjectDetail } from '../../../db/model/project';
import { STAGES, STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { ApiError, invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';

interface Props {
  project: ProjectDetail;
  open: boolean;
  /** the node table has unsaved edits, which generating would overwrite */
  unsaved: boolean;
  /** the project's saved nodes */
  existing: Milestone[];
  onClose(): void;
  onGenerated(): Promise<void>;
}

/** 倒排生成: previews a stage template laid out from the project's target date, then appends or replaces. */
export function GenerateScheduleDialog(props: Props) {
  // destroyOnHidden: each opening asks the server afresh, as the project's dates or the templates may have changed.
  return (
    <Modal
      open={props.open}
      title="倒排生成节点"
      width={640}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
      className="generate-dialog"
    >
      <GenerateBody {...props} />
    </Modal>
  );
}

function anchorText(preview: GeneratedMilestones): string {
  const label = PROJECT_FIELD_LABELS[preview.anchorField];
  return preview.direction === 'backward'
    ? `以${label} ${preview.anchorDate} 为目标倒排`
    : `以${label} ${preview.anchorDate} 为起点顺排`;
}

function GenerateBody({ project, unsaved, existing, onClose, onGenerated }: Props) {
  const { message } = AntApp.useApp();
  const { today } = useAppStatus().status;
  const [stage, setStage] = useState<Stage>(project.stage);
  const [writing, setWriting] = useState<'append' | 'replace'>();
  const [writeError, setWriteError] = useState<string>();
  const [includeApprovals, setIncludeApprovals] = useState(false);
  const templates = useApi('milestoneTemplates.list', {});
  const checklist = useApi('approvals.list', { projectId: project.id });
  const openApprovals = checklist.data?.items.filter((i) => isOpenApproval(i.status)).length ?? 0;
  const preview = useApi('milestones.generate', { projectId: project.id, stage, mode: 'preview', includeApprovals });
  const current = preview.data?.stage === stage && !preview.error ? preview.data : undefined;

  const sameStage = existing.filter((m) => m.stage === stage);
  const sameStageDone = sameStage.filter((m) => m.actualDate).length;
  const stageOptions = STAGES.map((s) => {
    const count = templates.data?.[s].length;
    return {
      value: s,
      label: count === undefined ? STAGE_LABELS[s] : `${STAGE_LABELS[s]}（${count}个节点）`,
      disabled: count === 0,
    };
  });

  async function write(mode: 'append' | 'replace') {
    setWriting(mode);
    setWriteError(undefined);
    try {
      const result = await invoke('milestones.generate', { projectId: project.id, stage, mode, includeApprovals });
      message.success(`已按${STAGE_LABELS[stage]}模板生成${result.schedule.nodes.length}个节点`);
      await onGenerated();
      onClose();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setWriteError(error.message);
    } finally {
      setWriting(undefined);
    }
  }

  const blocked = unsaved || !current || writing !== undefined;
  return (
    <div className="gen-body">
      <div className="gen-row">
        <label className="zd-none zd-secondary" htmlFor="gen-stage">
          节点模板
        </label>
        <Select
          id="gen-stage"
          value={stage}
          options={stageOptions}
          onChange={(value: Stage) => setStage(value)}
          className="gen-stage"
        />
        {current && <span className="gen-anchor">{anchorText(current)}</span>}
      </div>
      <div className="gen-row">
        <Checkbox
          checked={includeApprovals}
          disabled={openApprovals === 0}
          onChange={(e) => setIncludeApprovals(e.target.checked)}
        >
          {openApprovals
            ? `含前期手续未办结的${openApprovals}项（有计划办结的按其日期，没有的从计划开工倒排）`
            : '含前期手续未办结项（本项目清单中没有未办结的手续）'}
        </Checkbox>
      </div>

      {preview.error && <Alert type="error" showIcon title={preview.error.message} className="gen-alert" />}
      {!preview.error && !current && (
        <div className="gen-loading">
          <Spin size="small" /> 正在排节点…
        </div>
      )}
      {current && (
        <>
          {current.schedule.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={
                current.direction === 'backward' ? '时间不足，按模板工期排不下' : '计划开工日期已过，部分节点已早于今天'
              }
              description={
                <ul className="gen-warnings">
                  {current.schedule.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
              className="gen-alert"
            />
          )}
          <table className="zd-table gen-preview" aria-label="生成预览">
            <thead>
              <tr>
                <th className="num gen-col-index">序号</th>
                <th>节点名称</th>
                <th className="gen-col-date">计划日期</th>
                <th className="gen-col-flag">说明</th>
              </tr>
            </thead>
            <tbody>
              {current.schedule.nodes.map((node, i) => (
                <tr key={`${node.name}-${i}`} className={node.inPast ? 'gen-past' : undefined}>
                  <td className="num">{i + 1}</td>
                  <td>{node.name}</td>
                  <td className="zd-num zd-nowrap">{node.plannedDate}</td>
                  <td>
                    {[node.approval ? '前期手续' : '', node.inPast ? '已早于今天' : ''].filter(Boolean).join('，')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="gen-note">
            {current.unit
              ? `各节点的责任单位填为“${current.unit.name}”（取自项目的责任单位，无则取牵头单位），可逐个修改。`
              : '项目未填责任单位和牵头单位，节点的责任单位留空，可逐个填写。'}
          </div>
          {current.direction === 'backward' && current.schedule.mustStartBy >= today && (
            <div className="gen-note">按模板工期，首个节点须于 {current.schedule.mustStartBy} 前开始办理。</div>
          )}
        </>
      )}

      <div className="gen-existing">
        {existing.length === 0
          ? '本项目尚无节点。'
          : `本项目现有${existing.length}个节点，其中${STAGE_LABELS[stage]}阶段节点${sameStage.length}个。`}
        “追加”排在现有节点之后；“替换同阶段节点”删去现有的{STAGE_LABELS[stage]}
        阶段节点后写入，手工添加和其他阶段的节点保留。
        {sameStageDone > 0 && (
          <span className="zd-text-red">其中{sameStageDone}个已填实际日期，替换后将一并删除。</span>
        )}
      </div>
      {unsaved && (
        <Alert
          type="info"
          showIcon
          title="节点表有未保存的修改，请先保存节点或撤销修改，再生成。"
          className="gen-alert"
        />
      )}
      {writeError && <Alert type="error" showIcon title={writeError} className="gen-alert" />}

      <div className="gen-footer">
        <Button onClick={onClose}>取消</Button>
        <Button
          type={sameStage.length ? 'default' : 'primary'}
          disabled={blocked}
          loading={writing === 'append'}
          onClick={() => void write('append')}
        >
          追加
        </Button>
        <Button
          type={sameStage.length ? 'primary' : 'default'}
          danger={sameStageDone > 0}
          disabled={blocked}
          loading={writing === 'replace'}
          onClick={() => void write('replace')}
        >
          替换同阶段节点
        </Button>
      </div>
    </div>
  );
}
