import type { AuditKind } from '../../db/model/audit-kinds';

/** How 变更记录 told its kinds apart before they were stored: each new way must find the same rows. */
export const OLD_KIND_WHERE: Record<AuditKind, string> = {
  project: `entity = 'project' AND (field IS NULL OR (field NOT LIKE 'dispatch:%'
            AND field NOT LIKE 'monthly:%' AND field NOT LIKE 'problem:%' AND field <> 'milestone'))`,
  dispatch: `entity = 'project' AND field LIKE 'dispatch:%'`,
  monthly: `entity = 'project' AND field LIKE 'monthly:%'`,
  problem: `entity = 'project' AND field LIKE 'problem:%'`,
  milestone: `entity = 'project' AND field = 'milestone'`,
  reference: `entity IN ('unit', 'chain', 'park')`,
  settings: `entity IN ('settings', 'milestone_template')`,
  import: `entity IN ('import', 'fillin', 'rollover', 'backup')`,
};
