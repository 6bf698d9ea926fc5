/** What the 变更记录 screen filters by: kinds of change, each recognised by entity and field. */
export const AUDIT_KINDS = [
  'project',
  'dispatch',
  'monthly',
  'problem',
  'milestone',
  'reference',
  'settings',
  'import',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  project: '项目信息',
  dispatch: '周调度',
  monthly: '月度投资',
  problem: '问题督办',
  milestone: '节点',
  reference: '单位、产业链、园区',
  settings: '设置',
  import: '导入、填报表、结转',
};

/**
 * The kind of a change, by the same rules migration 0060 put in SQL: a project's field says which part of the
 * project changed; other entities are a kind of their own. null for an entity no kind covers.
 */
export function auditKindOf(entity: string, field: string | null): AuditKind | null {
  if (entity === 'project') {
    if (field === null) return 'project';
    if (field.startsWith('dispatch:')) return 'dispatch';
    if (field.startsWith('monthly:')) return 'monthly';
    if (field.startsWith('problem:')) return 'problem';
    return field === 'milestone' ? 'milestone' : 'project';
  }
  if (['unit', 'chain', 'park', 'level', 'township', 'contactLeader'].includes(entity)) return 'reference';
  if (entity === 'settings' || entity === 'milestone_template' || entity === 'approval_template' || entity === 'user')
    return 'settings';
  if (entity === 'import' || entity === 'fillin' || entity === 'rollover' || entity === 'backup') return 'import';
  return null;
}
