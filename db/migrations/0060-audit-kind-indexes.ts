import type { Migration } from './types';

// 变更记录 filters on kind and operator and pages through millions of rows: each filter gets an index whose
// rows are already in id order. The kind is a virtual column, so every writer of audit_log stays as it is and
// the index follows the rules of db/model/audit-kinds.ts (GLOB rather than LIKE: an index expression must not
// depend on a pragma). MAX(month) of a year, read for 时序进度, becomes one index seek.
export const auditKindIndexes: Migration = {
  version: 60,
  name: '变更记录与月度投资索引',
  up: `
    ALTER TABLE audit_log ADD COLUMN kind TEXT GENERATED ALWAYS AS (
      CASE
        WHEN entity = 'project' THEN
          CASE
            WHEN field GLOB 'dispatch:*' THEN 'dispatch'
            WHEN field GLOB 'monthly:*' THEN 'monthly'
            WHEN field GLOB 'problem:*' THEN 'problem'
            WHEN field = 'milestone' THEN 'milestone'
            ELSE 'project'
          END
        WHEN entity IN ('unit', 'chain', 'park') THEN 'reference'
        WHEN entity IN ('settings', 'milestone_template') THEN 'settings'
        WHEN entity IN ('import', 'fillin', 'rollover', 'backup') THEN 'import'
      END
    ) VIRTUAL;
    CREATE INDEX audit_log_kind ON audit_log(kind);
    CREATE INDEX audit_log_operator ON audit_log(operator);
    CREATE INDEX monthly_investments_year_month ON monthly_investments(year, month);
  `,
};
