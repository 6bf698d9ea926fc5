import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { START_NODE } from '../../db/model/milestones';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// An 实际开工日期 and the 实际开工 node say the same thing: entering the date completes the node on that day,
// so the ledger never prints a start date beside “实际开工 逾期43天”.

let app: TempApp;
afterEach(() => app.close());

async function newStart() {
  const chainId = (await app.ok('reference.list', {})).chains[0].id;
  const project = await app.ok('projects.create', {
    name: '已开工未记节点的项目',
    owner: '某公司',
    chainId,
    stage: 'new_start',
    plannedStartDate: '2026-10-01',
  });
  await app.ok('milestones.generate', { projectId: project.id, mode: 'append' });
  return project;
}

const startNode = async (projectId: number) =>
  (await app.ok('milestones.list', { projectId })).find((n) => n.name === START_NODE);

/** The 预警 cell of a project's row in the exported ledger, read back with SheetJS. */
async function ledgerWarning(name: string): Promise<string> {
  const file = await app.ok('ledger.export', { totalUnit: 'wan' });
  const workbook = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  for (const sheetName of workbook.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[sheetName], { header: 1, defval: '' });
    const header = rows.find((r) => r.includes('预警'));
    const row = rows.find((r) => r.includes(name));
    if (header && row) return String(row[header.indexOf('预警')]);
  }
  throw new Error(`${name} 不在台账中`);
}

describe('实际开工日期与实际开工节点', () => {
  it('填上实际开工日期，实际开工节点即在当天完成；台账的预警不再写“实际开工 逾期”', async () => {
    app = await createTempApp({ today: '2026-11-13' });
    const project = await newStart();
    expect((await startNode(project.id))?.actualDate).toBeNull();
    expect(await ledgerWarning(project.name)).toContain('实际开工 逾期43天');

    await app.ok('projects.update', { id: project.id, actualStartDate: '2026-10-08' });
    expect((await startNode(project.id))?.actualDate).toBe('2026-10-08');
    expect(await ledgerWarning(project.name)).not.toContain('实际开工');
    const history = await app.ok('projects.history', { id: project.id });
    expect(history.some((e) => e.fieldLabel === '节点' && e.newValue?.includes('实际2026-10-08'))).toBe(true);
  });

  it('经“变更阶段”转续建时填的实际开工日期也一样；节点早已完成的保留原日期', async () => {
    app = await createTempApp({ today: '2026-11-13' });
    const project = await newStart();
    const nodes = await app.ok('milestones.list', { projectId: project.id });
    await app.ok('milestones.save', {
      projectId: project.id,
      nodes: nodes.map(({ id, name, stage, plannedDate, actualDate, unitId, note }) => ({
        id,
        name,
        stage,
        plannedDate,
        actualDate: name === START_NODE ? '2026-09-28' : actualDate,
        unitId,
        note,
      })),
    });
    await app.ok('projects.changeStage', {
      id: project.id,
      toStage: 'continuing',
      actualStartDate: '2026-10-02',
      reason: '',
    });
    expect((await startNode(project.id))?.actualDate).toBe('2026-09-28');
  });

  it('已开工的项目按模板生成节点时，实际开工节点随即完成', async () => {
    app = await createTempApp({ today: '2026-11-13' });
    const chainId = (await app.ok('reference.list', {})).chains[0].id;
    const project = await app.ok('projects.create', {
      name: '已开工项目',
      owner: '某公司',
      chainId,
      stage: 'new_start',
      plannedStartDate: '2026-10-01',
      actualStartDate: '2026-10-05',
    });
    await app.ok('milestones.generate', { projectId: project.id, mode: 'append' });
    expect((await startNode(project.id))?.actualDate).toBe('2026-10-05');
  });

  it('示例办公室里没有“已填实际开工日期、实际开工节点却未完成”的项目', async () => {
    app = await createTempApp({ demo: true, today: '2026-11-28' });
    const started = (await app.ok('projects.list', {})).filter((p) => p.actualStartDate);
    expect(started.length).toBeGreaterThan(10);
    for (const p of started) {
      const node = await startNode(p.id);
      if (node) expect(node.actualDate, p.name).not.toBeNull();
      expect(p.lights.map((l) => l.reason).join(), p.name).not.toMatch(/实际开工 (逾期|今天到期|\d+天后到期)/);
    }
  });
});
