import { Button, Tag } from 'antd';
import { useMayCall } from '../../app/session/session';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../../db/model/lights';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { historyHref } from '../../links/history-query';
import { ProjectProblems } from '../../components/problem/ProjectProblems';
import { ProjectInstructions } from '../../components/instructions/ProjectInstructions';
import { AttachmentsPanel } from './AttachmentsPanel';
import { useLeaveGuard } from './leave-guard';
import { FactorsPanel } from './FactorsPanel';
import { InvestmentChart } from './InvestmentChart';
import { ApprovalsPanel } from './ApprovalsPanel';
import { LightsPanel } from './LightsPanel';
import { MilestoneChart } from './MilestoneChart';
import { MembershipPanel } from './MembershipPanel';
import { MilestonesPanel } from './MilestonesPanel';
import { MonthlyTable } from './MonthlyTable';
import { ProjectDetails } from './ProjectDetails';
import { ProjectHistory } from './ProjectHistory';
import { ProjectLoadState } from './ProjectLoadState';
import { StageChangeDialog } from '../../components/StageChangeDialog';
import { StageTag } from '../../ui/StageTag';
import { StageTimeline } from './StageTimeline';
import './project.css';

function Panel({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section className="zd-panel pd-panel">
      <h3 className="zd-panel-title">
        {title}
        {note && <span className="zd-panel-note">{note}</span>}
      </h3>
      {children}
    </section>
  );
}

/** 周调度's 月度投资 tab, where the monthly figures shown here are entered */
const MONTHLY_ENTRY = '/dispatch/investment';

/** /projects/:id — one project's lights, record, nodes, monthly figures and history. */
export function ProjectPage({ id }: { id: number }) {
  const [, navigate] = useLocation();
  const mayCall = useMayCall();
  const { status } = useAppStatus();
  const project = useApi('projects.get', { id });
  const history = useApi('projects.history', { id });
  const milestones = useApi('milestones.list', { projectId: id });
  const approvals = useApi('approvals.list', { projectId: id });
  const settings = useApi('settings.get', {});
  const [changingStage, setChangingStage] = useState(false);
  const [nodesDirty, setNodesDirty] = useState(false);
  const [approvalsDirty, setApprovalsDirty] = useState(false);
  const confirmLeave = useLeaveGuard(nodesDirty || approvalsDirty);
  const reloadHistory = history.reload;
  const p = project.data;
  if (!p) return <ProjectLoadState error={project.error} onRetry={project.reload} />;
  const dueDays = settings.data?.lightThresholds.milestoneDueDays ?? DEFAULT_LIGHT_THRESHOLDS.milestoneDueDays;
  const nodesSaved = async () => {
    await Promise.all([milestones.reload(), project.reload(), history.reload()]);
  };
  const approvalsSaved = async () => {
    await Promise.all([approvals.reload(), project.reload(), history.reload()]);
  };
  return (
    <div className="project-page">
      <div className="project-head">
        <div className="project-head-title">
          <span className="project-code">{p.code}</span>
          <h2 className="zd-page-title zd-ellipsis">{p.name}</h2>
          <StageTag stage={p.stage} />
          {p.isDemo && <Tag color="orange">示例</Tag>}
        </div>
        <div className="project-head-actions">
          <Link
            href="/projects"
            onClick={(event) => {
              event.preventDefault();
              confirmLeave(() => navigate('/projects'));
            }}
          >
            返回项目库
          </Link>
          {mayCall('projects.changeStage') && <Button onClick={() => setChangingStage(true)}>变更阶段</Button>}
          {mayCall('projects.update') && (
            <Button type="primary" onClick={() => confirmLeave(() => navigate(`/projects/${p.id}/edit`))}>
              编辑
            </Button>
          )}
        </div>
      </div>
      <StageChangeDialog
        project={p}
        open={changingStage}
        onClose={() => setChangingStage(false)}
        onChanged={() => {
          setChangingStage(false);
          void project.reload();
          void history.reload();
        }}
      />

      <LightsPanel lights={p} editHref={`/projects/${p.id}/edit`} />

      <Panel title="项目信息">
        <ProjectDetails project={p} />
      </Panel>

      <Panel title="名单与停缓建" note="调入、调出重点项目名单和停建、缓建都按日期记录；统计按所问日期的名单计">
        <MembershipPanel
          project={p}
          onChanged={() => {
            void project.reload();
            void history.reload();
          }}
        />
      </Panel>

      <ProjectProblems
        project={p}
        onChanged={() => {
          void project.reload();
          void history.reload();
        }}
      />

      <ProjectInstructions
        project={p}
        onChanged={() => {
          void project.reload();
          void history.reload();
        }}
      />

      <Panel
        title="前期手续"
        note="按项目类别的模板建立清单（模板在“设置 → 前期手续模板”）；未办结手续过计划办结即亮灯，同节点。"
      >
        {approvals.data ? (
          <ApprovalsPanel
            checklist={approvals.data}
            today={status.today}
            dueDays={dueDays}
            readOnly={!mayCall('approvals.save')}
            onSaved={approvalsSaved}
            onDirtyChange={setApprovalsDirty}
          />
        ) : (
          <div className="pd-empty zd-faint">
            {approvals.error ? `前期手续读取失败：${approvals.error.message}` : '正在读取…'}
          </div>
        )}
      </Panel>

      <FactorsPanel projectId={p.id} planYear={p.planYear} onSaved={() => void history.reload()} />

      <AttachmentsPanel projectId={p.id} projectName={p.name} onChanged={reloadHistory} />

      <Panel title="节点计划" note="倒排工期：按阶段模板从目标日期倒排生成，可逐个修改，改完点“保存节点”。">
        {milestones.data ? (
          <MilestonesPanel
            project={p}
            saved={milestones.data}
            today={status.today}
            dueDays={dueDays}
            onSaved={nodesSaved}
            onDirtyChange={setNodesDirty}
          />
        ) : (
          <div className="pd-empty zd-faint">
            {milestones.error ? `节点读取失败：${milestones.error.message}` : '正在读取…'}
          </div>
        )}
      </Panel>

      <Panel title="挂图作战" note="按已保存的节点绘制">
        {milestones.data && <MilestoneChart nodes={milestones.data} today={status.today} dueDays={dueDays} />}
      </Panel>

      <Panel
        title={`月度完成投资（${p.planYear}年，万元）`}
        note={
          <>
            此处只供查看；按月填报在
            <Link
              href={MONTHLY_ENTRY}
              onClick={(event) => {
                event.preventDefault();
                confirmLeave(() => navigate(MONTHLY_ENTRY));
              }}
            >
              周调度 → 月度投资
            </Link>
          </>
        }
      >
        <MonthlyTable monthly={p.monthly} totalYuan={p.yearCompletedYuan} />
      </Panel>

      <InvestmentChart project={p} />

      <Panel title="阶段变更记录">
        <StageTimeline changes={p.stageChanges} />
      </Panel>

      <Panel title="变更记录" note={<Link href={historyHref({ projectId: id })}>在“变更记录”中筛选查看</Link>}>
        {history.data ? (
          <ProjectHistory entries={history.data} />
        ) : (
          <div className="pd-empty zd-faint">
            {history.error ? `变更记录读取失败：${history.error.message}` : '正在读取…'}
          </div>
        )}
      </Panel>
    </div>
  );
}
