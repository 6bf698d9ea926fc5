import type { Store } from '../db/store/store';
import { emptyProjectFields } from '../db/model/project-schema';
import { STAGES } from '../db/model/stages';
import { insertProject, setMonthlyInvestment } from '../db/queries/projects-write';
import { insertUnit, listChains, listLevels, listParks, listTownships } from '../db/queries/reference';
import { dispatch } from '../electron/contract';
import type { SqliteAppContext } from '../electron/services/app-context';
import { medianMs, reportFigure, type Figure } from './timing';

/** 5,000 projects with units and monthly figures, written straight through the db layer. */
export async function seedProjects(store: Store, count: number, year: number): Promise<void> {
  const chains = await listChains(store);
  const parks = await listParks(store);
  const levels = (await listLevels(store)).map((l) => l.id);
  const townships = await listTownships(store);
  const meta = { operator: '基准测试', now: new Date().toISOString() };
  await store.transaction(async () => {
    const units: number[] = [];
    for (let i = 0; i < 20; i++) units.push(await insertUnit(store, `基准单位${i + 1}`));
    for (let i = 0; i < count; i++) {
      const stage = STAGES[i % STAGES.length];
      const started = stage === 'continuing' || stage === 'completed' || (stage === 'new_start' && i % 3 !== 0);
      const startYear = year - (stage === 'new_start' ? 0 : 1);
      const totalInvestmentYuan = (i % 50) * 10_000_000 + 30_000_000;
      // every fourth project is 招商引资: signed and registered in the month it starts (or is planned to)
      const invited = i % 4 === 0;
      const signedYear = started ? startYear : year;
      const id = await insertProject(
        store,
        {
          ...emptyProjectFields(),
          code: `BM-${year}-${String(i + 1).padStart(5, '0')}`,
          name: `基准项目${i + 1}号厂房及配套设施建设`,
          stage,
          chainId: chains[i % chains.length].id,
          parkId: parks[i % parks.length].id,
          // most projects on one or two lists, as an office's are
          levelIds: levels.slice(i % levels.length, (i % levels.length) + 1 + (i % 2)),
          townshipId: townships[i % townships.length].id,
          owner: `湖南基准第${i % 300}有限公司`,
          location: '湘乡经济开发区',
          leadUnitId: units[i % units.length],
          responsibleUnitIds: [units[(i + 1) % units.length], units[(i + 2) % units.length]],
          plannedStartDate: `${year}-0${(i % 9) + 1}-15`,
          actualStartDate: started ? `${startYear}-0${(i % 9) + 1}-20` : null,
          actualCompletionDate: stage === 'completed' ? `${year}-10-01` : null,
          totalInvestmentYuan,
          isInvestmentPromotion: invited,
          signingDate: invited ? `${signedYear}-0${(i % 9) + 1}-01` : null,
          registrationDate: invited ? `${signedYear}-0${(i % 9) + 1}-10` : null,
          startWithinMonths: invited && i % 8 === 0 ? 12 : null,
          contractInvestmentYuan: invited ? totalInvestmentYuan : 0,
          fundsInPlaceYuan: invited ? totalInvestmentYuan / 2 : 0,
          annualPlanYuan: (i % 20) * 1_000_000 + 5_000_000,
          progressText: i % 7 === 0 ? '主体结构封顶，正在进行设备安装' : '场地平整完成',
        },
        meta,
      );
      if (started) {
        for (let month = 1; month <= 10; month++) {
          await setMonthlyInvestment(store, id, year, month, 500_000 + i, meta);
        }
      }
    }
  });
}

export interface LibraryFigures {
  list: Figure;
  json: Figure;
  /** one per search term, in the order given */
  searches: Figure[];
}

/** projects.list with no filter, as JSON, and with each search term, beside bare SELECTs of the same rows. */
// three characters or more: the trigram index; one or two: the short fields of every project
export async function benchLibrary(
  ctx: SqliteAppContext,
  terms: readonly string[] = ['123', '12'],
): Promise<LibraryFigures> {
  const count = (ctx.db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n.toLocaleString('en-US');
  const bareSelect = ctx.db.prepare('SELECT * FROM projects');
  const bareSearch = ctx.db.prepare('SELECT * FROM projects WHERE name LIKE ?');
  const bare = await medianMs(15, () => bareSelect.all());
  const list = await medianMs(15, () => dispatch(ctx, 'projects.list', {}));
  const json = await medianMs(15, async () => JSON.stringify(await dispatch(ctx, 'projects.list', {})));
  const figures: LibraryFigures = {
    list: reportFigure({
      label: `projects.list, no filter (${count} rows)`,
      ms: list,
      baselineLabel: 'bare SELECT * FROM projects',
      baselineMs: bare,
    }),
    json: reportFigure({
      label: 'projects.list + JSON (what HTTP sends)',
      ms: json,
      baselineLabel: 'bare SELECT * FROM projects',
      baselineMs: bare,
    }),
    searches: [],
  };
  for (const term of terms) {
    const found = await medianMs(15, () => bareSearch.all(`%${term}%`));
    const search = await medianMs(15, () => dispatch(ctx, 'projects.list', { search: term }));
    figures.searches.push(
      reportFigure({
        label: `projects.list, search “${term}”`,
        ms: search,
        baselineLabel: `bare SELECT … LIKE '%${term}%'`,
        baselineMs: found,
      }),
    );
  }
  const rows = await dispatch(ctx, 'projects.list', {});
  const bytes = Buffer.byteLength(JSON.stringify(rows.ok ? rows.data : []));
  const rowCount = rows.ok ? (rows.data as unknown[]).length : 0;
  console.log(
    `  list JSON: ${(bytes / 1_048_576).toFixed(1)} MB, ${Math.round(bytes / Math.max(rowCount, 1))} bytes a row`,
  );
  return figures;
}
