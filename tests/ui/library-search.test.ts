import { describe, expect, it } from 'vitest';
import type { ProjectRow } from '../../db/model/project';
import { matchesSearch } from '../../renderer/pages/library/library-filters';

const row = (name: string) =>
  ({
    code: 'DZ-2026-001',
    name,
    owner: '某公司',
    location: '',
    chainName: '电子信息',
    chainLead: '',
    parkName: null,
    leadUnitName: null,
    responsibleUnitNames: [],
  }) as unknown as ProjectRow;

describe('项目库搜索框', () => {
  it('% 和 _ 按字面匹配；每个词都须出现', () => {
    expect(matchesSearch(row('100%国产化改造项目'), '%')).toBe(true);
    expect(matchesSearch(row('二期_A区厂房'), '_')).toBe(true);
    expect(matchesSearch(row('二期A区厂房'), '_')).toBe(false);
    expect(matchesSearch(row('二期A区厂房'), '二期%')).toBe(false);
    expect(matchesSearch(row('二期_A区厂房'), '二期 厂房')).toBe(true);
    expect(matchesSearch(row('二期_A区厂房'), '二期 仓库')).toBe(false);
  });
});
