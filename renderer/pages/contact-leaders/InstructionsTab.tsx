import { Alert, Radio, Select } from 'antd';
import { useState } from 'react';
import type { InstructionStatus } from '../../../db/model/instructions';
import { CloseInstructionDialog } from '../../components/instructions/CloseInstructionDialog';
import { InstructionDialog } from '../../components/instructions/InstructionDialog';
import { InstructionTable } from '../../components/instructions/InstructionTable';
import { useInstructionActions } from '../../components/instructions/use-instruction-actions';
import { useApi } from '../../hooks/use-api';

type Scope = 'open' | 'overdue' | 'closed' | 'all';
const SCOPES: { value: Scope; label: string }[] = [
  { value: 'open', label: '办理中' },
  { value: 'overdue', label: '超期未办结' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

function inputOf(scope: Scope, leaderId: number | undefined) {
  const status: InstructionStatus | undefined = scope === 'closed' ? 'closed' : scope === 'all' ? undefined : 'open';
  return { status, leaderId, overdueOnly: scope === 'overdue' || undefined };
}

/** Every project's 领导批示 in one list: open ones (the most pressing first), overdue, 办结, or all; by leader. */
export function InstructionsTab() {
  const [scope, setScope] = useState<Scope>('open');
  const [leaderId, setLeaderId] = useState<number>();
  const list = useApi('instructions.list', inputOf(scope, leaderId));
  const reference = useApi('reference.list', {});
  const { actions, editing, setEditing, closing, setClosing, busyId } = useInstructionActions(() => {
    void list.reload();
  });
  const rows = list.data ?? [];
  const leaders = (reference.data?.contactLeaders ?? []).map((l) => ({ value: l.id, label: l.name }));
  return (
    <div className="zd-panel ctl-ins-panel">
      <div className="ctl-ins-toolbar">
        <Radio.Group
          size="small"
          optionType="button"
          value={scope}
          options={SCOPES}
          onChange={(e) => setScope(e.target.value as Scope)}
        />
        <Select<number>
          size="small"
          allowClear
          className="ctl-ins-leader-select"
          placeholder="包挂领导"
          aria-label="按包挂领导筛选"
          options={leaders}
          value={leaderId}
          onChange={(value) => setLeaderId(value)}
        />
        <span className="zd-muted">{list.data ? `共 ${rows.length} 件` : '正在读取…'}</span>
      </div>
      {list.error && !list.data ? (
        <Alert type="error" showIcon title={`批示读取失败：${list.error.message}`} />
      ) : list.data && rows.length === 0 ? (
        <div className="ctl-none zd-faint">没有符合条件的领导批示。批示在项目页的“领导批示”中登记。</div>
      ) : (
        <InstructionTable rows={rows} showProject actions={actions} busyId={busyId} />
      )}
      {editing && (
        <InstructionDialog
          open
          project={{ id: editing.projectId, code: editing.projectCode, name: editing.projectName }}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
      <CloseInstructionDialog
        instruction={closing}
        onClose={() => setClosing(null)}
        onSaved={() => {
          setClosing(null);
          void list.reload();
        }}
      />
    </div>
  );
}
