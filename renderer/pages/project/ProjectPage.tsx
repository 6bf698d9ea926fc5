import { Button, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useApi } from '../../hooks/use-api';
import { MonthlyTable } from './MonthlyTable';
import { ProjectDetails } from './ProjectDetails';
import { ProjectHistory } from './ProjectHistory';
import { ProjectLoadState } from './ProjectLoadState';
import { StageChangeDialog } from './StageChangeDialog';
import { StageChanges } from './StageChanges';
import { StageTag } from './StageTag';
import './project.css';

function Panel({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section className="pd-panel">
      <h3 className="pd-panel-title">
        {title}
        {note && <span className="pd-panel-note">{note}</span>}
      </h3>
      {children}
    </section>
  );
}

/** /projects/:id — one project's whole record, its monthly figures and its history. */
export function ProjectPage({ id }: { id: number }) {
  const [, navigate] = useLocation();
  const project = useApi('projects.get', { id });
  const history = useApi('projects.history', { id });
  const [changingStage, setChangingStage] = useState(false);
  const p = project.data;
  if (!p) return <ProjectLoadState error={project.error} onRetry={project.reload} />;
  return (
    <div className="project-page">
      <div className="project-head">
        <div className="project-head-title">
          <span className="project-code">{p.code}</span>
          <h2>{p.name}</h2>
          <StageTag stage={p.stage} />
          {p.isDemo && <Tag color="orange">示例</Tag>}
        </div>
        <div className="project-head-actions">
          <Link href="/projects">返回项目库</Link>
          <Button onClick={() => setChangingStage(true)}>变更阶段</Button>
          <Button type="primary" onClick={() => navigate(`/projects/${p.id}/edit`)}>
            编辑
          </Button>
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

      <Panel title="项目信息">
        <ProjectDetails project={p} />
      </Panel>

      <Panel title={`月度完成投资（${p.planYear}年，万元）`} note="此处只供查看；按月填报将随周调度功能提供。">
        <MonthlyTable monthly={p.monthly} totalYuan={p.yearCompletedYuan} />
      </Panel>

      <Panel title="阶段变更记录">
        <StageChanges changes={p.stageChanges} />
      </Panel>

      <Panel title="变更记录">
        {history.data ? (
          <ProjectHistory entries={history.data} />
        ) : (
          <div className="pd-empty">{history.error ? `变更记录读取失败：${history.error.message}` : '正在读取…'}</div>
        )}
      </Panel>
    </div>
  );
}
