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
  total: number;
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
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .strict(),
  ),
};
