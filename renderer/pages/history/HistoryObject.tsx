import { Link } from 'wouter';
import type { AuditRow } from '../../../electron/api-spec';
import { entityLabel } from './history-text';

/** 对象: the project as a link to its page, or the kind of thing changed. */
export function HistoryObject({ entry }: { entry: AuditRow }) {
  if (entry.entity !== 'project') return <span className="zd-muted">{entityLabel(entry.entity)}</span>;
  const name = entry.projectCode ? `${entry.projectCode} ${entry.projectName ?? ''}` : '（项目已不存在）';
  return (
    <Link href={`/projects/${entry.entityId}`} className="hist-project" title={name}>
      {name}
    </Link>
  );
}
