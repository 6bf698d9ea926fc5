import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ExportedFile } from '../../electron/api-spec';
import { UNASSIGNED_LEAD } from '../../db/model/overview';
import { STAT_COLUMNS } from '../../db/model/stat-table';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// “Use the same definitions everywhere”: for the example office, the 工作台, the 链长 ranking and 统计排名's xlsx
// (read back with SheetJS, not the exceljs that wrote it) give the same counts, money, rates, lights and places.
// The 链长 view's cards count from the library's lit list, a read of its own: it agrees too.

let app: TempApp;
beforeAll(async () => {
  app = await createTempApp({ demo: true });
});
afterAll(() => app.close());

const column = (key: string) => STAT_COLUMNS.findIndex((c) => c.key === key);

/** The sheet's body: each line's cells by column, from the row under the header to the 合计. */
function bodyOf(file: ExportedFile): unknown[][] {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, defval: null });
  const header = rows.findIndex((r) => r[0] === '名次');
  return rows.slice(header + 1).filter((r) => r.some((c) => c !== null));
}

const wan = (yuan: number) => Math.round(yuan / 100) / 100;

describe('统计口径一致', () => {
  it('工作台、链长考核排名与统计排名的xlsx（按链长）给出相同的数字', async () => {
    const dashboard = await app.ok('overview.dashboard', {});
    const overview = await app.ok('overview.chainLeads', {});
    const month = dashboard.statsMonth!;
    expect(overview.statsMonth).toBe(month);
    const file = await app.ok('stats.export', { year: dashboard.planYear, month, by: 'chainLead' });
    const body = bodyOf(file);
    const total = body[body.length - 1];
    const groups = body.slice(0, -1);
    expect(total[0]).toBe('合计');
    expect(groups.length).toBeGreaterThan(3);

    // the 工作台 against the sheet's 合计
    expect(total[column('count')]).toBe(dashboard.counts.projectCount);
    expect(total[column('plan')]).toBe(wan(dashboard.annualPlanYuan));
    expect(total[column('done')]).toBe(wan(dashboard.yearCompletedYuan));
    expect(total[column('start')]).toBe(dashboard.counts.startRate);
    expect([total[column('red')], total[column('yellow')]]).toEqual([
      dashboard.counts.byLight.red,
      dashboard.counts.byLight.yellow,
    ]);

    // the 链长 ranking against the sheet's rows, one for one and in the same order
    expect(groups.map((g) => (g[column('group')] === '未填写' ? UNASSIGNED_LEAD : g[column('group')]))).toEqual(
      overview.leads.filter((l) => l.projectCount > 0).map((l) => l.chainLead),
    );
    for (const g of groups) {
      const name = g[column('group')] === '未填写' ? UNASSIGNED_LEAD : g[column('group')];
      const lead = overview.leads.find((l) => l.chainLead === name)!;
      expect(g[column('rank')]).toBe(lead.rank);
      expect(g[column('count')]).toBe(lead.projectCount);
      expect([g[column('red')], g[column('yellow')]]).toEqual([lead.byLight.red, lead.byLight.yellow]);
      expect(g[column('start')]).toBe(lead.startRate);
      expect(g[column('rate')]).toBe(lead.figures!.investmentRate.value);
      expect(g[column('done')]).toBe(wan(lead.figures!.completedYuan));
    }
  });
});
