import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ApprovalItem } from '../../db/model/approvals';
import type { ApiResult, ExportedFile, MethodInput } from '../../electron/api-spec';
import { setSetting } from '../../db/queries/settings';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

// 前期手续 (issue #17): a project's checklist through the API, on both engines.

let app: TempApp;
let chainId: number;

beforeEach(async () => {
  app = await createTempApp({ today: '2026-11-28' });
  chainId = (await app.ok('reference.list', {})).chains[0].id;
});
afterEach(() => app.close());

function refusal(result: ApiResult) {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const project = (fields: Record<string, unknown> = {}) =>
  app.ok('projects.create', { name: '测试项目', stage: 'preliminary', chainId, owner: '某公司', ...fields });

type Item = MethodInput<'approvals.save'>['items'][number];
const item = (name: string, fields: Partial<Item> = {}): Item => ({
  name,
  department: '',
  plannedDate: null,
  actualDate: null,
  docNumber: '',
  status: 'not_started',
  note: '',
  ...fields,
});

/** A saved item as the page sends it back: its fields, id and the version it read. */
const editable = ({ projectId: _p, sortOrder: _s, ...rest }: ApprovalItem): Item => rest;

describe('前期手续清单', () => {
  it('空清单按项目类别的模板列出待保存的手续，打开不写入；保存后按顺序读回并给出进度', async () => {
    const p = await project({ category: 'infrastructure' });
    const empty = await app.ok('approvals.list', { projectId: p.id });
    expect(empty.items).toEqual([]);
    expect(empty.progress.text).toBe('');
    expect(empty.template.map((t) => t.name)).toContain('稳评');
    expect(empty.template.map((t) => t.name)).not.toContain('安全评价');
    expect(await rowCount(app, 'approval_items')).toBe(0);

    const saved = await app.ok('approvals.save', {
      projectId: p.id,
      items: [
        ...empty.template
          .slice(0, 2)
          .map((t) => item(t.name, { department: t.department, status: 'done', actualDate: '2026-10-01' })),
        item('环评批复', { status: 'in_progress', department: '生态环境局', plannedDate: '2026-12-20' }),
        item('稳评', { status: 'not_needed' }),
        item('施工许可证'),
      ],
    });
    expect(saved.items.map((i) => [i.name, i.status, i.version])).toEqual([
      ['立项/备案', 'done', 1],
      ['用地预审与选址意见书', 'done', 1],
      ['环评批复', 'in_progress', 1],
      ['稳评', 'not_needed', 1],
      ['施工许可证', 'not_started', 1],
    ]);
    expect(saved.progress.text).toBe('已办结2/4，缺环评批复、施工许可证');
  });

  it('逾期手续使项目亮红灯，临期亮黄灯；办结后恢复绿灯，变更记录写明原值和新值', async () => {
    const p = await project();
    const [late] = (
      await app.ok('approvals.save', {
        projectId: p.id,
        items: [
          item('环评批复', { plannedDate: '2026-11-16', department: '生态环境局' }),
          item('节能审查', { plannedDate: '2026-12-01' }),
        ],
      })
    ).items;
    let [row] = await app.ok('projects.list', { search: p.code });
    expect(row.light).toBe('red');
    expect(row.lights.map((l) => l.reason)).toEqual(['环评批复 逾期12天', '节能审查 3天后到期']);

    const list = await app.ok('approvals.list', { projectId: p.id });
    await app.ok('approvals.save', {
      projectId: p.id,
      items: list.items
        .map(editable)
        .map((i) =>
          i.id === late.id
            ? { ...i, status: 'done' as const, actualDate: '2026-11-20', docNumber: '湘环评〔2026〕12号' }
            : { ...i, status: 'not_needed' as const },
        ),
      readIds: list.items.map((i) => i.id),
    });
    [row] = await app.ok('projects.list', { search: p.code });
    expect(row.light).toBe('green');
    const history = await app.ok('projects.history', { id: p.id });
    const lines = history.filter((h) => h.fieldLabel === '前期手续');
    expect(
      lines
        .slice(0, 2)
        .map((h) => [h.oldValue, h.newValue])
        .sort(),
    ).toEqual([
      [
        '环评批复 未启动 审批部门生态环境局 计划办结2026-11-16',
        '环评批复 已办结 审批部门生态环境局 计划办结2026-11-16 实际办结2026-11-20 批复文号湘环评〔2026〕12号',
      ],
      ['节能审查 未启动 计划办结2026-12-01', '节能审查 不需办理 计划办结2026-12-01'],
    ]);
  });

  it('不合规的手续被拒绝，说明第几项错在哪里，一项也不写', async () => {
    const p = await project();
    const cases: [Item[], string][] = [
      [[item('环评批复', { status: 'done' })], '第1项“环评批复”：已办结的手续请填写实际办结日期'],
      [
        [item('立项/备案'), item('环评批复', { actualDate: '2026-11-01', status: 'in_progress' })],
        '第2项“环评批复”：填写了实际办结日期，状态应为“已办结”（现为“办理中”）',
      ],
      [[item('环评批复', { status: 'done', actualDate: '2026-11-29' })], '第1项“环评批复”：实际办结日期不能晚于今天'],
      [[item('环评批复'), item('环评批复')], '手续“环评批复”重复，请合并为一项'],
    ];
    for (const [items, message] of cases) {
      expect(refusal(await app.call('approvals.save', { projectId: p.id, items })).message).toBe(message);
    }
    const badStatus = refusal(
      await app.call('approvals.save', { projectId: p.id, items: [{ ...item('环评批复'), status: '已办结' }] }),
    );
    expect(badStatus.message).toMatch(/办理状态应为未启动、办理中、已办结或不需办理/);
    expect(await rowCount(app, 'approval_items')).toBe(0);
    expect(refusal(await app.call('approvals.list', { projectId: 99999 })).message).toBe('找不到该项目，可能已被删除');
  });

  it('另一位填报人刚改过的手续：按旧版本保存被拒绝并说明是谁改的，他的修改留着', async () => {
    const p = await project();
    const [read] = (await app.ok('approvals.save', { projectId: p.id, items: [item('施工许可证')] })).items;
    await setSetting(app.ctx.store, 'operatorName', '李四');
    await app.ok('approvals.save', {
      projectId: p.id,
      items: [{ ...editable(read), status: 'in_progress', note: '李四' }],
      readIds: [read.id],
    });
    await setSetting(app.ctx.store, 'operatorName', '张三');
    const error = refusal(
      await app.call('approvals.save', {
        projectId: p.id,
        items: [{ ...editable(read), note: '张三' }],
        readIds: [read.id],
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^已被 李四 于 .+ 修改，请刷新后再改$/);
    const now = await app.ok('approvals.list', { projectId: p.id });
    expect(now.items.map((i) => [i.note, i.status, i.version])).toEqual([['李四', 'in_progress', 2]]);

    // an item added since the list was read would be dropped by saving the old list: refused too
    await setSetting(app.ctx.store, 'operatorName', '李四');
    await app.ok('approvals.save', { projectId: p.id, items: [...now.items.map(editable), item('稳评')] });
    await setSetting(app.ctx.store, 'operatorName', '张三');
    const dropped = refusal(
      await app.call('approvals.save', {
        projectId: p.id,
        items: now.items.map(editable),
        readIds: now.items.map((i) => i.id),
      }),
    );
    expect(dropped.code).toBe('conflict');
    expect((await app.ok('approvals.list', { projectId: p.id })).items.map((i) => i.name)).toEqual([
      '施工许可证',
      '稳评',
    ]);
  });

  it('设置里改某类别的模板：新项目的清单按新模板列出，变更记录在设置类', async () => {
    const before = await app.ok('approvals.templates', {});
    expect(before.industry.map((t) => t.name)).toContain('安全评价');
    const after = await app.ok('approvals.saveTemplate', {
      category: 'other',
      items: [
        { name: '立项/备案', department: '发改局', durationDays: 10 },
        { name: '施工许可证', department: '住建局', durationDays: 15 },
      ],
    });
    expect(after.other.map((t) => t.name)).toEqual(['立项/备案', '施工许可证']);
    expect(after.industry).toEqual(before.industry);
    const p = await project({ category: 'other' });
    expect((await app.ok('approvals.list', { projectId: p.id })).template).toEqual(after.other);
    const audit = await app.ok('audit.list', { kind: 'settings' });
    expect(audit.entries[0]).toMatchObject({ entity: 'approval_template', field: 'other' });
    expect(audit.entries[0].newValue).toBe('立项/备案（发改局，10天）、施工许可证（住建局，15天）');

    const duplicate = refusal(
      await app.call('approvals.saveTemplate', {
        category: 'other',
        items: [
          { name: '稳评', department: '', durationDays: 10 },
          { name: '稳评', department: '', durationDays: 10 },
        ],
      }),
    );
    expect(duplicate.message).toBe('其他模板中“稳评”重复');
  });

  it('倒排时可含前期手续：未办结手续按计划办结或从计划开工倒排成节点，同名模板节点不重复', async () => {
    const p = await project({ plannedStartDate: '2027-06-30' });
    await app.ok('approvals.save', {
      projectId: p.id,
      items: [
        item('立项/备案', { status: 'done', actualDate: '2026-10-01' }),
        item('环评批复', { plannedDate: '2027-01-15', department: '生态环境局' }),
        item('施工许可证', { department: '住建局' }),
      ],
    });
    const generated = await app.ok('milestones.generate', {
      projectId: p.id,
      mode: 'replace',
      includeApprovals: true,
    });
    const names = generated.milestones.map((m) => m.name);
    expect(names.filter((n) => n === '环评批复')).toHaveLength(1);
    expect(names).not.toContain('立项/备案');
    expect(generated.milestones.find((m) => m.name === '环评批复')).toMatchObject({
      plannedDate: '2027-01-15',
      note: '前期手续，审批部门生态环境局',
    });
    // 施工许可证 takes 15 days in the template and ends on the planned start
    expect(generated.milestones.find((m) => m.name === '施工许可证')).toMatchObject({ plannedDate: '2027-06-30' });
    const without = await app.ok('milestones.generate', { projectId: p.id, mode: 'preview' });
    expect(without.schedule.nodes.map((n) => n.name)).not.toContain('施工许可证');
  });
});

/** The first sheet's rows, as a spreadsheet program reads them. */
function sheetRows(file: ExportedFile): unknown[][] {
  const wb = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, raw: true, defval: null });
}

describe('进度文字在周调度表和台账上', () => {
  it('周调度的行、打印的调度表、调度表和台账的 Excel 都带“已办结1/2，缺施工许可证”', async () => {
    const p = await project({ stage: 'new_start', plannedStartDate: '2026-12-20' });
    await app.ok('approvals.save', {
      projectId: p.id,
      items: [
        item('立项/备案', { status: 'done', actualDate: '2026-10-01' }),
        item('施工许可证'),
        item('稳评', { status: 'not_needed' }),
      ],
    });
    const text = '已办结1/2，缺施工许可证';
    const week = await app.ok('dispatch.week', { week: '2026-W48' });
    expect(week.rows.find((r) => r.projectId === p.id)?.approvalProgress).toBe(text);
    const paper = await app.ok('dispatch.printData', { week: '2026-W48', groupBy: 'chainLead', scope: 'all' });
    expect(paper.groups.flatMap((g) => g.rows).find((r) => r.projectId === p.id)?.approvalProgress).toBe(text);

    for (const file of [
      await app.ok('ledger.exportDispatch', { week: '2026-W48', groupBy: 'chainLead', scope: 'all' }),
      await app.ok('ledger.export', { totalUnit: 'wan' }),
    ]) {
      const rows = sheetRows(file);
      const header = rows.find((r) => r.includes('前期手续'))!;
      const column = header.indexOf('前期手续');
      expect(column).toBe(header.length - 1);
      expect(rows.find((r) => r.includes(p.name))?.[column]).toBe(text);
    }
  });
});

describe('示例数据的前期手续', () => {
  it('约一半前期和新开工项目有清单，部分已办结；两个项目有逾期手续亮红灯；台账最后一列是进度', async () => {
    const demo = await createTempApp({ today: '2026-11-28', demo: true });
    try {
      const rows = await demo.ok('projects.list', {});
      const preparing = rows.filter((r) => r.stage === 'preliminary' || r.stage === 'new_start');
      const lists = await Promise.all(preparing.map((r) => demo.ok('approvals.list', { projectId: r.id })));
      const kept = lists.filter((l) => l.items.length > 0);
      expect(kept.length).toBeGreaterThan(preparing.length * 0.3);
      expect(kept.length).toBeLessThan(preparing.length * 0.7);
      expect(kept.some((l) => l.progress.done > 0 && l.progress.done < l.progress.total)).toBe(true);
      const late = rows.filter((r) => r.lights.some((l) => l.kind === 'approval'));
      expect(late).toHaveLength(2);
      expect(late.every((r) => r.lights.some((l) => l.kind === 'approval' && /^.+ 逾期\d+天$/.test(l.reason)))).toBe(
        true,
      );
    } finally {
      await demo.close();
    }
  });
});
