import { App, Button, Popconfirm } from 'antd';
import { REFERENCE_KIND_LABELS, type ReferenceData, type ReferenceKind } from '../../../db/model/reference';
import { invoke } from '../../api';

export interface ReferenceRecord {
  id: number;
  name: string;
  retired: boolean;
  projectCount: number;
}

/** What retiring means, said before the clerk confirms it. */
export function retireNotice(kind: ReferenceKind, projectCount: number): string {
  const label = REFERENCE_KIND_LABELS[kind];
  return projectCount > 0
    ? `停用后新项目不能再选择该${label}，已有的${projectCount}个项目保持不变。`
    : `停用后新项目不能再选择该${label}。目前没有项目使用它。`;
}

/** 编辑 and 停用/启用 of one row. A retired record stays on the projects that already use it. */
export function RowActions({
  kind,
  record,
  onEdit,
  onSaved,
}: {
  kind: ReferenceKind;
  record: ReferenceRecord;
  onEdit(): void;
  onSaved(data: ReferenceData): void;
}) {
  const { message } = App.useApp();
  const label = REFERENCE_KIND_LABELS[kind];

  async function setRetired(retired: boolean) {
    try {
      onSaved(await invoke('reference.setRetired', { kind, id: record.id, retired }));
      message.success(`${retired ? '已停用' : '已启用'}${label}“${record.name}”`);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  return (
    <span className="settings-actions">
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      {record.retired ? (
        <Button type="link" size="small" onClick={() => setRetired(false)}>
          启用
        </Button>
      ) : (
        <Popconfirm
          title={`停用${label}“${record.name}”？`}
          description={<div className="settings-retire-notice">{retireNotice(kind, record.projectCount)}</div>}
          okText="停用"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => setRetired(true)}
        >
          <Button type="link" size="small">
            停用
          </Button>
        </Popconfirm>
      )}
    </span>
  );
}

export function StatusCell({ retired }: { retired: boolean }) {
  return retired ? <span className="zd-faint">已停用</span> : <span>在用</span>;
}

/** “共11条，其中已停用1条” under a table's toolbar. */
export function countText(records: { retired: boolean }[]): string {
  const retired = records.filter((r) => r.retired).length;
  return retired > 0 ? `共${records.length}条，其中已停用${retired}条` : `共${records.length}条`;
}
