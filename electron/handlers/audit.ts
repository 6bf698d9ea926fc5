import { auditFieldLabel } from '../../db/model/project';
import { auditOperators, listAudit } from '../../db/queries/audit';
import type { AuditPage, ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';

export const auditHandlers = {
  'audit.list': async (ctx: AppContext, input: ParsedInput<'audit.list'>): Promise<AuditPage> =>
    ctx.store.snapshot(async () => {
      const { rows, ...page } = await listAudit(ctx.store, input);
      return {
        ...page,
        // the rows were built for this page: each gains its label rather than being copied
        entries: rows.map((row) => Object.assign(row, { fieldLabel: auditFieldLabel(row.field) })),
        operators: await auditOperators(ctx.store),
      };
    }),
};
