import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Chain } from '../../db/model/reference';
import plan from '../../db/seed/chains.json';
import { rowCount } from '../helpers/stored-rows';
import { createTempApp, type TempApp } from '../helpers/temp-app';

const chainInput = (c: Chain) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  industryGroup: c.industryGroup,
  chainLead: c.chainLead,
  leadUnitId: c.leadUnitId,
});
let app: TempApp;
beforeEach(async () => {
  app = await createTempApp();
});
afterEach(() => app.close());

describe('参考数据', () => {
  it('新库载入规划的11条产业链、6个园区片区和城市名称', async () => {
    const { chains, parks, units } = await app.ok('reference.list', {});
    expect(chains.map((c) => c.name)).toEqual([
      '电力电工电气',
      '电子信息',
      '医疗器械及先进装备',
      '绿色建材',
      '循环经济',
      '皮革深加工',
      '智能铸造',
      '化工',
      '数字创意',
      '无人机',
      '医疗康养',
    ]);
    expect(chains.find((c) => c.code === 'DZ')).toMatchObject({
      target2025Yuan: 50_000_000_000,
      industryGroup: '优势产业',
    });
    expect(parks).toHaveLength(6);
    expect(parks[3]).toMatchObject({ name: '金石工业片区', area: '三片区', focus: '先进装备制造' });
    expect(units).toEqual([]);
    expect((await app.ok('settings.get', {})).cityName).toBe('湘乡市');
  });

  it('重新打开同一数据目录不会重复载入', async () => {
    await app.reopen();
    expect(await rowCount(app, 'chains')).toBe(11);
  });

  it('新库的产业链、产值目标、骨干企业和园区取自仓库中的规划数据 db/seed/chains.json', async () => {
    const { chains, parks } = await app.ok('reference.list', {});
    const yuanOfYi = (yi: number | null) => (yi === null ? null : Math.round(yi * 100_000_000));
    expect(
      chains.map((c) => ({
        code: c.code,
        name: c.name,
        group: c.industryGroup,
        target: c.target2025Yuan,
        base: c.base2020Yuan,
        anchors: c.anchorCompanies,
      })),
    ).toEqual(
      plan.chains.map((c) => ({
        code: c.code,
        name: c.name,
        group: c.group,
        target: yuanOfYi(c.target2025),
        base: yuanOfYi(c.base2020),
        anchors: c.anchorCompanies,
      })),
    );
    expect(parks.map((p) => [p.name, p.area, p.focus])).toEqual(
      plan.parks.map((p) => [p.name, p.area, ('focus' in p ? p.focus : undefined) ?? '']),
    );
  });

  it('链长和牵头单位随产业链保存，项目的链长默认取自产业链', async () => {
    const { units } = await app.ok('reference.saveUnit', { name: '市工业和信息化局' });
    const dz = (await app.ok('reference.list', {})).chains.find((c) => c.code === 'DZ')!;
    await app.ok('reference.saveChain', {
      ...chainInput(dz),
      chainLead: '市领导（电子信息链长）',
      leadUnitId: units[0].id,
    });
    const project = await app.ok('projects.create', { name: '甲', stage: 'reserve', chainId: dz.id, owner: '某公司' });
    expect(project.chainLead).toBe('市领导（电子信息链长）');
    const overridden = await app.ok('projects.update', { id: project.id, chainLeadOverride: '常务副市长' });
    expect(overridden.chainLead).toBe('常务副市长');
  });

  it('同名单位、重名产业链被拒绝', async () => {
    await app.ok('reference.saveUnit', { name: '市商务局' });
    const dup = await app.call('reference.saveUnit', { name: '市商务局' });
    expect(dup).toMatchObject({ ok: false, error: { message: '单位“市商务局”已存在', field: 'name' } });
    const [first, second] = (await app.ok('reference.list', {})).chains;
    const rename = await app.call('reference.saveChain', { ...chainInput(second), name: first.name });
    expect(rename).toMatchObject({ ok: false, error: { message: `产业链“${first.name}”已存在` } });
  });

  it('名称里的 NUL 控制字符（粘贴进来的）在两种数据库上都被拒绝，说明原因，什么也不写', async () => {
    const before = (await app.ok('reference.list', {})).units.length;
    const refused = await app.call('reference.saveUnit', { name: '市\u0000商务局' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name', message: '单位名称含有无法保存的控制字符，请删去后再试' },
    });
    expect((await app.ok('reference.list', {})).units).toHaveLength(before);
  });

  it('停用的园区留在老项目上，但新项目不能再选', async () => {
    const { chains, parks } = await app.ok('reference.list', {});
    const park = parks[0];
    const old = await app.ok('projects.create', {
      name: '老项目',
      stage: 'reserve',
      chainId: chains[0].id,
      owner: '甲',
      parkId: park.id,
    });
    const after = await app.ok('reference.setRetired', { kind: 'park', id: park.id, retired: true });
    expect(after.parks.find((p) => p.id === park.id)).toMatchObject({ retired: true, projectCount: 1 });
    expect((await app.ok('projects.get', { id: old.id })).parkName).toBe(park.name);
    await app.ok('projects.update', { id: old.id, note: '仍可编辑' });
    const refused = await app.call('projects.create', {
      name: '新项目',
      stage: 'reserve',
      chainId: chains[0].id,
      owner: '乙',
      parkId: park.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { field: 'parkId', message: '所选园区/片区已停用，请选择其他园区/片区' },
    });
  });
});
