import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { CloseInstructionDialog } from './CloseInstructionDialog';
import { InstructionDialog } from './InstructionDialog';
import { InstructionTable } from './InstructionTable';
import { useInstructionActions } from './use-instruction-actions';

interface ProjectInstructionsProps {
  project: { id: number; code: string; name: string; contactLeaderName: string | null };
  /** a 批示 was added, edited, 办结 or turned into a problem: the project's light may have changed */
  onChanged(): void;
}

/** 领导批示 on the project page: the leaders' 批示 on this project, registered and followed up here. */
export function ProjectInstructions({ project, onChanged }: ProjectInstructionsProps) {
  const list = useApi('instructions.list', { projectId: project.id });
  const [adding, setAdding] = useState(false);
  const changed = () => {
    void list.reload();
    onChanged();
  };
  const { actions, editing, setEditing, closing, setClosing, busyId } = useInstructionActions(changed);
  const rows = list.data ?? [];
  const open = rows.filter((r) => r.status === 'open').length;
  const overdue = rows.filter((r) => r.daysOverdue > 0).length;
  return (
    <section className="zd-panel pd-panel" aria-label="领导批示">
      <div className="pp-head">
        <h3 className="zd-panel-title">
          领导批示
          <span className="zd-panel-note">
            包挂领导：{project.contactLeaderName ?? '未设'}
            {rows.length > 0 && (
              <>
                {' · '}办理中 {open} 件{overdue > 0 && <span className="zd-text-red">，超期 {overdue} 件</span>}
                {rows.length > open && `，已办结 ${rows.length - open} 件`}
              </>
            )}
          </span>
        </h3>
        {actions && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记批示
          </Button>
        )}
      </div>
      {list.error && !list.data ? (
        <div className="pd-empty zd-faint">批示读取失败：{list.error.message}</div>
      ) : !list.data ? (
        <div className="pd-empty zd-faint">正在读取…</div>
      ) : rows.length === 0 ? (
        <div className="pd-empty zd-faint">暂无领导批示。领导对本项目的批示可点“登记批示”记入，跟踪办理至办结。</div>
      ) : (
        <InstructionTable rows={rows} actions={actions} busyId={busyId} />
      )}
      <InstructionDialog
        open={adding || editing !== null}
        project={project}
        editing={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onSaved={() => {
          setAdding(false);
          setEditing(null);
          changed();
        }}
      />
      <CloseInstructionDialog
        instruction={closing}
        onClose={() => setClosing(null)}
        onSaved={() => {
          setClosing(null);
          changed();
        }}
      />
    </section>
  );
}
