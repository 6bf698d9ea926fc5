import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Route, Switch } from 'wouter';
import type { LightLevel } from '../../db/model/lights';
import type { ProjectListRow } from '../../db/model/project-list';
import { STAGE_LABELS, STAGES } from '../../db/model/stages';
import type { StatsRow } from '../../db/model/stat-ranking';
import { signedPointsText } from '../../db/model/stat-table';
import { percentText } from '../../renderer/ui/percent';
import { ChainLeadsPage } from '../../renderer/pages/chain-leads/ChainLeadsPage';
import { LibraryPage } from '../../renderer/pages/library/LibraryPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

let app: TempApp;
afterEach(async () => {
  await app?.close();
  sessionStorage.clear();
});

function renderChainLeads() {
  return renderPage(
    <Switch>
      <Route path="/chain-leads" component={ChainLeadsPage} />
      <Route path="/projects" component={LibraryPage} />
    </Switch>,
    { path: '/chain-leads' },
  );
}

const region = async (name: string) => screen.findByRole('region', { name }, { timeout: 10_000 });
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

function countBy<K extends string>(rows: readonly ProjectListRow[], key: (r: ProjectListRow) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

/** The 链长 with the most reds in the demo data, by counting projects.list. */
function mostRedLead(rows: readonly ProjectListRow[]): { lead: string; red: number } {
  const reds = countBy(
    rows.filter((r) => r.chainLead && r.light === 'red'),
    (r) => r.chainLead,
  );
  const [lead, red] = [...reds].sort((a, b) => b[1] - a[1])[0];
  return { lead, red };
}

describe('链长视图', { timeout: 30_000 }, () => {
  it('每位链长的卡片按阶段和预警分别计数，红灯数链接到该链长的红灯项目', async () => {
    app = await installRealApi({ demo: true });
    const rows = await app.ok('projects.list', {});
    const { lead } = mostRedLead(rows);
    const own = rows.filter((r) => r.chainLead === lead);
    const byStage = countBy(own, (r) => r.stage);
    // a 停建/缓建 project has no light: the card counts it under its stage only
    const byLight = countBy(
      own.filter((r) => !r.suspended),
      (r) => r.light,
    );
    const listed = own.filter((r) => r.stage === 'new_start');
    const started = listed.filter((r) => r.actualStartDate);

    await renderChainLeads();

    const card = await region(lead);
    expect(within(card).getByText(new RegExp(`^产业链：${own[0].chainName}（2025年目标产值`))).toBeTruthy();
    const stats = within(card).getByRole('table', { name: '项目统计' });
    const [head, values] = within(stats).getAllByRole('row');
    expect(
      within(head)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([...STAGES.map((s) => STAGE_LABELS[s]), '红灯', '黄灯', '绿灯', '开工率']);
    const lights: LightLevel[] = ['red', 'yellow', 'green'];
    const rate = listed.length ? `${((started.length / listed.length) * 100).toFixed(1)}%` : '—';
    expect(cellTexts(values)).toEqual([
      ...STAGES.map((s) => String(byStage.get(s) ?? 0)),
      ...lights.map((l) => String(byLight.get(l) ?? 0)),
      listed.length ? `${rate}${started.length}/${listed.length}` : rate,
    ]);
    const redLink = within(values).getByRole('link', { name: String(byLight.get('red')) });
    expect(redLink.getAttribute('href')).toBe(`/projects?light=red&lead=${encodeURIComponent(lead)}`);

    // the library opens on just this 链长's red projects
    await userEvent.click(redLink);
    const allTab = await screen.findByRole('tab', { name: /^全部/ }, { timeout: 10_000 });
    expect(allTab.textContent).toBe(`全部 ${byLight.get('red')}`);
    const list = screen.getByRole('region', { name: /^项目列表/ });
    expect(list.querySelectorAll('tbody tr[aria-selected]')).toHaveLength(byLight.get('red') ?? 0);
  });

  it('链长名下项目的逾期节点列在该链长的卡片里', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.list', {});
    const project = await app.ok('projects.create', {
      name: '湘乡市智能电表生产线项目',
      owner: '湘乡市某某电气有限公司',
      chainId: chains[0].id,
      chainLeadOverride: '市领导（测试链长）',
      stage: 'new_start',
      plannedStartDate: '2026-10-01',
    });
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: [
        { name: '基础施工完成', plannedDate: '2026-11-08', actualDate: null, unitId: null, note: '' },
        { name: '主体施工', plannedDate: '2026-12-10', actualDate: null, unitId: null, note: '' },
        { name: '竣工验收', plannedDate: '2027-03-01', actualDate: null, unitId: null, note: '' },
      ],
    });

    await renderChainLeads();

    const card = await region('市领导（测试链长）');
    expect(
      within(card)
        .getByText(/逾期节点/)
        .textContent?.replace(/\s+/g, ''),
    ).toBe('逾期节点1个·14天内到期1个');
    const nodeRows = within(card)
      .getAllByRole('row')
      .filter((r) => r.closest('.node-list'));
    expect(nodeRows.slice(1).map(cellTexts)).toEqual([
      ['2026-11-08', project.name, '基础施工完成', '', '逾期20天'],
      ['2026-12-10', project.name, '主体施工', '', '12天后到期'],
    ]);
  });

  it('没有链长的项目归入“未设链长”，且不参加链长排名', async () => {
    app = await installRealApi({ demo: false });
    const { chains } = await app.ok('reference.saveChain', { code: 'CS', name: '测试产业', chainLead: '' });
    const chain = chains.find((c) => c.code === 'CS');
    if (!chain) throw new Error('产业链未保存');
    await app.ok('projects.create', { name: '无链长的储备项目', owner: '某公司', chainId: chain.id, stage: 'reserve' });

    await renderChainLeads();

    const card = await region('未设链长');
    expect(within(card).getByText('1 个项目', { exact: false })).toBeTruthy();
    const ranking = await region('考核排名');
    expect(within(ranking).getByText('未设链长的 1 个项目不参加链长排名。')).toBeTruthy();
  });

  it('考核排名与统计排名同一口径、同一顺序：按链长和按产业链的名次、完成率、序时进度差和红灯数都一致', async () => {
    app = await installRealApi({ demo: true });
    const overview = await app.ok('overview.chainLeads', {});
    const { planYear } = await app.ok('settings.get', {});
    const month = overview.statsMonth!;
    const stats = async (by: 'chainLead' | 'chain') =>
      (await app.ok('stats.ranking', { year: planYear, month, by })).rows.filter((r) => r.rank !== null);
    const shown = (r: StatsRow) => [
      String(r.rank),
      r.group.name,
      percentText(r.figures.investmentRate.value),
      signedPointsText(r.figures.gapPoints),
      String(r.figures.red),
    ];

    await renderChainLeads();

    const ranking = await region('考核排名');
    const leadRows = within(ranking).getAllByRole('row').slice(1).map(cellTexts);
    expect(leadRows.map((c) => [c[0], c[1], c[4], c[5], c[6]])).toEqual((await stats('chainLead')).map(shown));

    await userEvent.click(within(ranking).getByRole('tab', { name: '按产业链' }));
    const chainPanel = await within(ranking).findByRole('tabpanel', { name: '按产业链' });
    const chainRows = within(chainPanel).getAllByRole('row').slice(1).map(cellTexts);
    const electronics = chainRows.find((c) => c[1] === '电子信息');
    expect(electronics?.[3]).toBe('500.00');
    const ranked = await stats('chain');
    expect(chainRows.slice(0, ranked.length).map((c) => [c[0], c[1], c[5], c[6], c[7]])).toEqual(ranked.map(shown));
  });
});
