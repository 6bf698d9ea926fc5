import { initialSchema } from './0010-initial-schema';
import { milestones } from './0020-milestones';
import { dispatch } from './0030-dispatch';
import { problems } from './0040-problems';
import { monthClosing } from './0050-month-closing';
import { auditKindIndexes } from './0060-audit-kind-indexes';
import { compactAudit } from './0070-compact-audit';
import { projectSearch } from './0080-project-search';
import { compactDispatch } from './0090-compact-dispatch';
import { listReadIndexes } from './0100-list-read-indexes';
import { accounts } from './0110-accounts';
import { recordVersions } from './0120-record-versions';
import { levelsAndTownships } from './0130-levels-townships';
import { attraction } from './0140-attraction';
import { bulletinTexts } from './0150-bulletin-texts';
import { approvals } from './0160-approvals';
import { factors } from './0170-factors';
import { attachments } from './0180-attachments';
import { leaders } from './0190-leaders';
import { listMembership } from './0200-list-membership';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  milestones,
  dispatch,
  problems,
  monthClosing,
  auditKindIndexes,
  compactAudit,
  projectSearch,
  compactDispatch,
  listReadIndexes,
  accounts,
  recordVersions,
  levelsAndTownships,
  attraction,
  bulletinTexts,
  approvals,
  factors,
  attachments,
  leaders,
  listMembership,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
