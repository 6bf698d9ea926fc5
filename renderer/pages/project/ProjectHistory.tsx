import dayjs from 'dayjs';
import type { AuditEntry } from '../../../db/model/project';

function when(at: string): string {
  return dayjs(at).format('YYYY-MM-DD HH:mm');
}

function Change({ entry }: { entry: AuditEntry }) {
  if (entry.action === 'create') return null;
  return (
    <>
      <span className="zd-faint">{entry.oldValue ?? '（空）'}</span>
      <span className="pd-arrow">→</span>
      <span className="pd-new">{entry.newValue ?? '（空）'}</span>
    </>
  );
}

/** 变更记录: every saved change of the record, newest first, as the audit log keeps it. */
export function ProjectHistory({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <div className="pd-empty zd-faint">暂无变更记录</div>;
  return (
    <table className="zd-table pd-list">
      <thead>
        <tr>
          <th style={{ width: 130 }}>时间</th>
          <th style={{ width: 96 }}>填报人</th>
          <th style={{ width: 170 }}>字段</th>
          <th>原值 → 新值</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td className="zd-num zd-nowrap">{when(entry.at)}</td>
            <td>{entry.operator}</td>
            <td>
              {entry.action === 'create' ? '新建项目' : entry.action === 'delete' ? '删除' : (entry.fieldLabel ?? '')}
            </td>
            <td className="pd-change">
              <Change entry={entry} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
