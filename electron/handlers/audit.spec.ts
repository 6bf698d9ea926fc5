import { z } from 'zod';
import { AUDIT_KINDS } from '../../db/model/audit-kinds';
import type { AuditEntry } from '../../db/model/project';
import { isoDate, optionalText, recordId } from '../../db/model/validation';
import { method } from './spec-shared';

export interface AuditRow extends AuditEntry {
  projectCode: string | null;
  projectName: string | null;
}

export interface AuditPage {
  /** matching rows, counted up to AUDIT_COUNT_CAP (db/queries/audit.ts) */
  total: number;
  /** there are more than `total`: the screen offers “更多…” (the next page by `before`) instead of a count */
  totalCapped: boolean;
  /** `before` for the rows after this page; null on the page with the oldest matching row */
  nextBefore: number | null;
  entries: AuditRow[];
  /** everyone who has changed anything, for the filter */
  operators: string[];
}

export const auditSpec = {
  'audit.list': method<AuditPage>()(
    z
      .object({
        projectId: recordId('项目').optional(),
        operator: optionalText('操作人', 50).optional(),
        from: isoDate('开始日期').optional(),
        to: isoDate('结束日期').optional(),
        kind: z.enum(AUDIT_KINDS, { error: '类别不正确' }).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        before: z.number().int().min(1).optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
  ),
};
