import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Drawer, Spin } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import {
  actionsFrom,
  canChase,
  isOpen,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_NOTE_KIND_LABELS,
  type Problem,
  type ProblemAction,
} from '../../../db/model/problems';
import type { Unit } from '../../../db/model/reference';
import { parseWeek } from '../../../db/model/weeks';
import { useApi } from '../../hooks/use-api';
import { printRoute } from '../../desktop-bridge';
import { ProblemEditDialog } from './ProblemEditDialog';
import { OverdueMark, ProblemStatusTag } from './ProblemStatusTag';
import { NOTE_LABELS, ProblemStepDialog, stepLabel, type NoteKind, type Step } from './ProblemStepDialog';
import './problem-detail.css';
import { useMayCall } from '../../app/session/session';
import { AttachmentList } from '../../ui/attachments/AttachmentList';

interface ProblemDrawerProps {
  /** the problem to show; null keeps the drawer closed */
  id: number | null;
  onClose(): void;
  /** after any step, note or edit, with the problem as the server now has it */
  onChanged(problem: Problem): void;
}

/** One problem: every field, the dated 办理记录, and only the steps its status allows. */
export function ProblemDrawer({ id, onClose, onChanged }: ProblemDrawerProps) {
  const [shownId, setShownId] = useState(id);
  // keep the last problem on screen while the drawer slides away
  if (id !== null && id !== shownId) setShownId(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={620}
      title={null}
      closable={false}
      styles={{ body: { padding: '14px 18px' } }}
      destroyOnHidden
      afterOpenChange={(opened) => {
        if (!opened) setShownId(null);
      }}
    >
      {shownId !== null && <DrawerBody key={shownId} id={shownId} onClose={onClose} onChanged={onChanged} />}
    </Drawer>
  );
}

function DrawerBody({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(p: Problem): void }) {
  const problem = useApi('problems.get', { id });
  const reference = useApi('reference.list', {});
  const p = problem.data;
  if (!p) {
    return problem.error ? (
      <Alert
        type="error"
        showIcon
        title="问题读取失败"
        description={problem.error.message}
        action={
          <Button size="small" onClick={() => void problem.reload()}>
            重试
          </Button>
        }
      />
    ) : (
      <Spin description="正在读取…">
        <div className="pb-drawer-loading" />
      </Spin>
    );
  }
  return (
    <ProblemView
      problem={p}
      units={reference.data?.units ?? []}
      onClose={onClose}
      onChanged={(fresh) => {
        void problem.reload();
        onChanged(fresh);
      }}
    />
  );
}

const PRIMARY_STEPS: readonly ProblemAction[] = ['assign', 'requestClose', 'close', 'resume'];
const NOTE_STEPS: readonly NoteKind[] = ['chase', 'progress', 'feedback'];

interface ProblemViewProps {
  problem: Problem;
  units: readonly Unit[];
  onClose(): void;
  onChanged(problem: Problem): void;
}

function ProblemView({ problem: p, units, onClose, onChanged }: ProblemViewProps) {
  const { message } = AntApp.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState(false);
  const open = isOpen(p.status);
  const actions = actionsFrom(p.status);
  const mayCall = useMayCall();
  const mayAct = mayCall('problems.act');
  const mayUpdate = mayCall('problems.update');

  async function printSlip() {
    try {
      if ((await printRoute(`/print/problem-slips?ids=${p.id}`)) === true) void message.success('交办单已发送到打印机');
    } catch (error) {
      void message.error((error as Error).message);
    }
  }

  return (
    <div className="pb-detail">
      <div className="pb-detail-head">
        <span className="pb-detail-code zd-strong zd-num">{p.code}</span>
        <ProblemStatusTag status={p.status} />
        <OverdueMark days={p.daysOverdue} />
        <span className="zd-gap" />
        <Button size="small" type="text" onClick={onClose} aria-label="关闭">
          关闭
        </Button>
      </div>

      <div className="pb-detail-actions" role="toolbar" aria-label="办理">
        {mayAct &&
          actions.map((action) => (
            <Button
              key={action}
              type={PRIMARY_STEPS.includes(action) ? 'primary' : 'default'}
              danger={action === 'return'}
              onClick={() => setStep(action)}
            >
              {stepLabel(action)}
            </Button>
          ))}
        {mayAct && open && <span className="pb-detail-sep" />}
        {mayAct &&
          open &&
          NOTE_STEPS.filter((kind) => kind !== 'chase' || canChase(p.status)).map((kind) => (
            <Button key={kind} onClick={() => setStep(kind)}>
              {NOTE_LABELS[kind]}
            </Button>
          ))}
        <span className="zd-gap" />
        {mayUpdate && open && (
          <Button type="link" className="pb-detail-link" onClick={() => setEditing(true)}>
            修改
          </Button>
        )}
        <Button type="link" className="pb-detail-link" icon={<PrinterOutlined />} onClick={() => void printSlip()}>
          交办单
        </Button>
      </div>

      <table className="zd-table pb-fields">
        <tbody>
          <FieldRow label="项目" wide>
            <Link href={`/projects/${p.projectId}`}>
              <span className="pb-fields-code zd-muted zd-num">{p.projectCode}</span>
              {p.projectName}
            </Link>
          </FieldRow>
          <tr>
            <th>产业链</th>
            <td>{p.chainName || '—'}</td>
            <th>链长</th>
            <td>{p.chainLead || '—'}</td>
          </tr>
          <tr>
            <th>来源</th>
            <td>
              <SourceText problem={p} />
            </td>
            <th>类别</th>
            <td>{PROBLEM_CATEGORY_LABELS[p.category]}</td>
          </tr>
          <FieldRow label="问题描述" wide>
            <div className="pb-fields-text zd-long">{p.description}</div>
          </FieldRow>
          <tr>
            <th>牵头单位</th>
            <td>{p.leadUnitName ?? <span className="zd-hint">未指定</span>}</td>
            <th>责任人</th>
            <td>{p.responsiblePerson || <span className="zd-hint">未填</span>}</td>
          </tr>
          <FieldRow label="责任单位" wide>
            {p.responsibleUnitNames.length ? (
              p.responsibleUnitNames.join('、')
            ) : (
              <span className="zd-hint">未指定</span>
            )}
          </FieldRow>
          <tr>
            <th>登记日期</th>
            <td className="zd-num">{p.raisedOn}</td>
            <th>交办日期</th>
            <td className="zd-num">{p.assignedOn ?? <span className="zd-hint">未交办</span>}</td>
          </tr>
          <tr>
            <th>办结时限</th>
            <td className="zd-num">
              {p.deadline ?? <span className="zd-hint">未定</span>} <OverdueMark days={p.daysOverdue} />
            </td>
            <th>办理天数</th>
            <td className="zd-num">{p.daysOpen}天</td>
          </tr>
          {p.resolution && (
            <FieldRow label="办理结果" wide>
              <div className="pb-fields-result">
                <span className="pb-fields-text zd-long">{p.resolution}</span>
                {p.resolvedOn && <span className="zd-none zd-small zd-text-green zd-num">{p.resolvedOn} 销号</span>}
              </div>
            </FieldRow>
          )}
        </tbody>
      </table>

      <h4 className="zd-panel-title pb-detail-title">办理记录</h4>
      <ol className="pb-notes zd-plain-list" aria-label="办理记录">
        {p.notes.map((note) => (
          <li key={note.id} className="pb-note">
            <span className="pb-note-date zd-secondary zd-small num">{note.notedOn}</span>
            <span className={`zd-chip pb-note-kind pb-note-${note.kind}`}>{PROBLEM_NOTE_KIND_LABELS[note.kind]}</span>
            <span className="zd-long">{note.text}</span>
            <span className="zd-hint zd-nowrap">{note.operator}</span>
          </li>
        ))}
      </ol>

      <h4 className="zd-panel-title pb-detail-title">附件</h4>
      <AttachmentList ownerKind="problem" ownerId={p.id} emptyText="暂无附件（现场照片、函件扫描件等）" />

      <ProblemStepDialog
        problem={p}
        step={step}
        units={units}
        onClose={() => setStep(null)}
        onDone={(fresh) => {
          setStep(null);
          onChanged(fresh);
        }}
      />
      <ProblemEditDialog
        problem={p}
        open={editing}
        units={units}
        onClose={() => setEditing(false)}
        onSaved={(fresh) => {
          setEditing(false);
          onChanged(fresh);
        }}
      />
    </div>
  );
}

function FieldRow({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={wide ? 3 : 1}>{children}</td>
    </tr>
  );
}

/** 第48周调度会, linked back to that week's dispatch entries. */
function SourceText({ problem }: { problem: Problem }) {
  const week = problem.sourceWeek ? parseWeek(problem.sourceWeek) : null;
  const text = problem.source || (week ? `第${week.week}周调度会` : '办公室登记');
  if (!week) return <>{text}</>;
  return (
    <Link href={`/dispatch?week=${week.key}`} title="查看该周调度内容">
      {text}
    </Link>
  );
}
