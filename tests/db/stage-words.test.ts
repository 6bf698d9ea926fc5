import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { proposeChain } from '../../db/model/chain-guess';
import type { Chain } from '../../db/model/reference';
import { STAGE_LABELS, STAGES } from '../../db/model/stages';
import { STAGE_WORDS, stageOfTitle, stageOfWord } from '../../db/model/stage-words';
import planData from '../../db/seed/chains.json';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('阶段写法：一张表', () => {
  it('表中每个写法都读作它的阶段，加“项目”“类”也一样；不在表中的不猜', () => {
    for (const stage of STAGES) {
      for (const word of STAGE_WORDS[stage]) {
        expect(stageOfWord(word)).toBe(stage);
        expect(stageOfWord(`${word}项目`)).toBe(stage);
      }
    }
    expect(stageOfWord('在建中')).toBe('continuing');
    expect(stageOfWord('已投产')).toBe('completed');
    expect(stageOfWord('谋划')).toBe('reserve');
    expect(stageOfWord('预备')).toBe('preliminary');
    for (const unknown of ['停建', '缓建', '拟在建', '在建工程', '新开工续建', ''])
      expect(stageOfWord(unknown)).toBeUndefined();
  });

  it('分节标题与工作表名读出阶段', () => {
    expect(stageOfTitle('一、新开工项目（12个）')).toBe('new_start');
    expect(stageOfTitle('（二）2026年续建类项目')).toBe('continuing');
    expect(stageOfTitle('第三部分 竣工项目')).toBe('completed');
    expect(stageOfTitle('在建项目')).toBe('continuing');
    expect(stageOfTitle('一、工业项目')).toBeUndefined();
    expect(stageOfTitle('Sheet1')).toBeUndefined();
  });

  it('使用说明中的“阶段写法”表与程序所读的写法一致', () => {
    const readme = fs.readFileSync(path.resolve(here, '../../README.md'), 'utf8');
    for (const stage of STAGES) {
      const row = new RegExp(`^\\s*\\|\\s*${STAGE_LABELS[stage]}\\s*\\|\\s*(.+?)\\s*\\|$`, 'm').exec(readme);
      expect(row?.[1].split('、')).toEqual([...STAGE_WORDS[stage]]);
    }
  });
});

describe('按名称和建设单位推断产业链', () => {
  const chains: Chain[] = planData.chains.map((c, i) => ({
    id: i + 1,
    code: c.code,
    name: c.name,
    industryGroup: c.group,
    chainLead: '',
    leadUnitId: null,
    leadUnitName: null,
    target2025Yuan: null,
    base2020Yuan: null,
    anchorCompanies: c.anchorCompanies,
    keywords: c.keywords,
    retired: false,
    projectCount: 0,
    version: 1,
  }));
  const name = (id: number | undefined) => chains.find((c) => c.id === id)?.name;

  it('龙头企业最有力，其次关键词、产业链名称；说明依据', () => {
    expect(proposeChain(chains, '智能终端扩产项目', '湘君电子有限公司')).toEqual({
      chainId: chains.find((c) => c.code === 'DZ')?.id,
      reason: '建设单位含龙头企业“湘君电子”',
    });
    expect(name(proposeChain(chains, '年产10万张牛皮革生产线', '某某公司')?.chainId)).toBe('皮革深加工');
    expect(name(proposeChain(chains, '无人机整机组装基地', '湘乡市某科技公司')?.chainId)).toBe('无人机');
    expect(name(proposeChain(chains, '康养中心', '湘乡市颐养院')?.chainId)).toBe('医疗康养');
  });

  it('毫无线索或两条链不分上下时不推断', () => {
    expect(proposeChain(chains, '城区智慧停车场', '湘乡市城市建设投资有限公司')).toBeNull();
    expect(proposeChain(chains, '电子电工配套', '')).toBeNull();
  });

  it('已停用的产业链不推断', () => {
    const retired = chains.map((c) => (c.code === 'WR' ? { ...c, retired: true } : c));
    expect(proposeChain(retired, '无人机整机组装基地', '')).toBeNull();
  });
});
