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
