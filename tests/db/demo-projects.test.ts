import { describe, expect, it } from 'vitest';
import { demoMilestones } from '../../db/demo/demo-activity';
import {
  buildDemoProjects,
  demoChainLead,
  DEMO_UNITS,
  type DemoProject,
  type DemoReference,
} from '../../db/demo/demo-projects';
import type { Stage } from '../../db/model/stages';
import plan from '../../db/seed/chains.json';

const ref: DemoReference = {
  chains: plan.chains.map((chain, index) => ({
    id: index + 1,
    code: chain.code,
    name: chain.name,
    anchorCompanies: chain.anchorCompanies,
  })),
  parks: plan.parks.map((park, index) => ({
    id: index + 1,
    name: park.name,
    area: park.area,
    focus: ('focus' in park ? park.focus : undefined) ?? null,
  })),
  units: DEMO_UNITS.map((name, index) => ({ id: index + 1, name })),
  levels: ['省重点', '湘潭市重点', '市本级重点'].map((name, index) => ({ id: index + 1, name })),
  townships: plan.townships.map((name, index) => ({ id: index + 1, name })),
};

const TODAY = '2026-11-28';
/** Edges of a year and a leap day, where dates and phases are easiest to get wrong. */
const SOME_DAYS = [TODAY, '2026-01-01', '2026-03-15', '2027-07-01', '2027-12-31', '2028-02-29'];
/** Words of work on site, which a project not yet started never reports. */
const SITE_WORK = /桩基|基础施工|开挖|土方|主体|吊装|封顶|设备安装|拆除/;
const STAGES: Stage[] = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'];
/** Words every post used for 责任人/联系人 contains; a person's name would contain none. */
const POST_WORDS = ['主任', '局长', '镇长', '书记', '委员', '部长', '专干', '经理', '专员', '负责人', '联络员'];

const projects = buildDemoProjects(ref, TODAY);
const yearOf = (date: string): number => Number(date.slice(0, 4));
const monthOf = (date: string): number => Number(date.slice(5, 7));
const doneThisYear = (project: DemoProject): number =>
  project.monthly.reduce((sum, entry) => sum + entry.amountYuan, 0);
const chainByCode = (code: string) => ref.chains.find((chain) => chain.code === code)!;
const parkNamed = (keyword: string) => ref.parks.find((park) => park.name.includes(keyword))!;

/** Every stage rule of DOMAIN.md that one project must satisfy on `today`. */
function ruleViolations(project: DemoProject, today: string): string[] {
  const year = yearOf(today);
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${project.name}：${what}`);
  const {
    plannedStartDate: plannedStart,
    actualStartDate: actualStart,
    plannedCompletionDate: plannedCompletion,
    actualCompletionDate: actualCompletion,
  } = project;

  switch (project.stage) {
    case 'reserve':
      if (plannedStart || actualStart || actualCompletion) fail('储备项目不应有开工或竣工日期');
      break;
    case 'preliminary':
      if (!plannedStart || ![year, year + 1].includes(yearOf(plannedStart))) {
        fail('前期项目计划开工应在本年或下年');
      }
      if (actualStart || actualCompletion) fail('前期项目不应有实际日期');
      break;
    case 'new_start':
      if (!plannedStart || yearOf(plannedStart) !== year) fail('新开工项目计划开工应在本年');
      if (actualStart && yearOf(actualStart) !== year) fail('新开工项目应在本年开工');
      if (actualCompletion) fail('新开工项目不应已竣工');
      break;
    case 'continuing':
      if (!actualStart || ![year - 1, year - 2].includes(yearOf(actualStart))) {
        fail('续建项目应在前两年开工');
      }
      if (!plannedCompletion || yearOf(plannedCompletion) < year || yearOf(plannedCompletion) > year + 2) {
        fail('续建项目计划竣工应在本年至后两年');
      }
      if (project.investedBeforeYearYuan <= 0) fail('续建项目应有截至上年底累计投资');
      if (actualCompletion) fail('续建项目不应已竣工');
      break;
    case 'completed':
      if (!actualStart || ![year - 1, year - 2].includes(yearOf(actualStart))) {
        fail('竣工项目应在前两年开工');
      }
      if (!actualCompletion || yearOf(actualCompletion) !== year) fail('竣工项目应在本年竣工');
      break;
  }

  for (const date of [actualStart, actualCompletion, project.signingDate]) {
    if (date && date > today) fail(`日期${date}晚于今天`);
  }
  if (project.signingDate && !project.isInvestmentPromotion) fail('非招商项目不应有签约日期');
  if (plannedStart && plannedCompletion && plannedCompletion <= plannedStart) {
    fail('计划竣工应晚于计划开工');
  }
  if (actualStart && actualCompletion && actualCompletion <= actualStart) {
    fail('实际竣工应晚于实际开工');
  }
  if (project.startYear !== null && project.endYear !== null && project.endYear < project.startYear) {
    fail('建设起止年限颠倒');
  }

  const { totalInvestmentYuan: total, investedBeforeYearYuan: before, annualPlanYuan: annual } = project;
  if (!Number.isInteger(total) || total % 10_000 !== 0) fail('总投资应为整万元');
  if (total < 3_000 * 10_000 || total > 600_000 * 10_000) fail('总投资应在3000万元至60亿元之间');
  if (!Number.isInteger(annual) || annual % 10_000 !== 0) fail('本年计划投资应为整万元');
  if (!Number.isInteger(before) || before % 100 !== 0 || before < 0) fail('上年底累计应为百元整数');
  if (before + annual > total) fail('上年底累计加本年计划超过总投资');

  const done = doneThisYear(project);
  if (!actualStart && project.monthly.length > 0) fail('未开工项目不应有月度完成投资');
  if (!actualStart && project.inStatistics) fail('未开工项目不应纳统');
  if (done > annual * 1.2) fail('本年完成超过本年计划的1.2倍');
  if (before + done > total) fail('累计完成超过总投资');
  const months = project.monthly.map((entry) => entry.month);
  if (months.some((month, index) => index > 0 && month <= months[index - 1])) {
    fail('月份应递增且不重复');
  }
  if (months.some((month) => month < 1 || month > monthOf(today))) fail('月份超出已报送范围');
  if (actualStart && yearOf(actualStart) === year && months.some((m) => m < monthOf(actualStart))) {
    fail('开工前的月份不应有完成投资');
  }
  if (actualCompletion && months.some((month) => month > monthOf(actualCompletion))) {
    fail('竣工后的月份不应有完成投资');
  }
  for (const entry of project.monthly) {
    if (!Number.isInteger(entry.amountYuan) || entry.amountYuan % 100 !== 0 || entry.amountYuan < 0) {
      fail(`${entry.month}月完成投资应为非负的百元整数`);
    }
  }
  return problems;
}

describe('示例项目数据', () => {
  it('生成100到140个示例项目，名称不重复且备注都以“示例数据”开头', () => {
    expect(projects.length).toBeGreaterThanOrEqual(100);
    expect(projects.length).toBeLessThanOrEqual(140);
    expect(new Set(projects.map((project) => project.name)).size).toBe(projects.length);
    for (const project of projects) {
      expect(project.note.startsWith('示例数据')).toBe(true);
      expect(project.name).toMatch(/(项目|工程)$/);
      expect(project.content.length).toBeGreaterThan(10);
      expect(project.owner.length).toBeGreaterThan(3);
    }
  });

  it('每个阶段、产业链和园区都有示例项目', () => {
    for (const stage of STAGES) {
      expect(projects.some((project) => project.stage === stage)).toBe(true);
    }
    for (const chain of ref.chains) {
      expect(projects.some((project) => project.chainId === chain.id)).toBe(true);
    }
    for (const park of ref.parks) {
      expect(projects.some((project) => project.parkId === park.id)).toBe(true);
    }
  });

  it('各阶段数量接近储备15、前期25、新开工35、续建35、竣工10', () => {
    const count = (stage: Stage) => projects.filter((project) => project.stage === stage).length;
    expect(count('reserve')).toBeGreaterThanOrEqual(10);
    expect(count('reserve')).toBeLessThanOrEqual(20);
    expect(count('preliminary')).toBeGreaterThanOrEqual(20);
    expect(count('preliminary')).toBeLessThanOrEqual(30);
    expect(count('new_start')).toBeGreaterThanOrEqual(30);
    expect(count('new_start')).toBeLessThanOrEqual(40);
    expect(count('continuing')).toBeGreaterThanOrEqual(30);
    expect(count('continuing')).toBeLessThanOrEqual(40);
    expect(count('completed')).toBeGreaterThanOrEqual(7);
    expect(count('completed')).toBeLessThanOrEqual(13);
  });

  it('大产业链项目更多，也有基础设施和社会民生项目', () => {
    const perChain = (code: string) => projects.filter((project) => project.chainId === chainByCode(code).id).length;
    const smallest = Math.max(...['ZZ', 'SZ', 'WR', 'KY'].map(perChain));
    for (const code of ['DZ', 'DQ', 'YL', 'PG', 'JC']) {
      expect(perChain(code)).toBeGreaterThan(smallest);
    }
    expect(projects.filter((project) => project.category === 'infrastructure').length).toBeGreaterThanOrEqual(3);
    expect(projects.filter((project) => project.category === 'livelihood').length).toBeGreaterThanOrEqual(3);
    expect(projects.some((project) => project.isInvestmentPromotion)).toBe(true);
  });

  it('特色片区放的是对应产业链的项目，建设地点是园区名称或乡镇', () => {
    const chainsIn = (keyword: string) =>
      new Set(projects.filter((p) => p.parkId === parkNamed(keyword).id).map((p) => p.chainId));
    expect(chainsIn('虞唐').has(chainByCode('DZ').id)).toBe(true);
    expect(chainsIn('棋梓').has(chainByCode('JC').id)).toBe(true);
    expect(chainsIn('金石').has(chainByCode('YL').id)).toBe(true);
    expect(chainsIn('皮革').has(chainByCode('PG').id)).toBe(true);
    const leather = projects.filter((project) => project.chainId === chainByCode('PG').id);
    expect(leather.every((project) => project.parkId === parkNamed('皮革').id)).toBe(true);

    for (const project of projects) {
      if (project.parkId === null) {
        expect(plan.townships).toContain(project.location);
      } else {
        expect(project.location).toBe(ref.parks.find((park) => park.id === project.parkId)?.name);
      }
    }
  });

  it('日期和金额在不同的“今天”都符合阶段规则', () => {
    for (const today of SOME_DAYS) {
      const violations = buildDemoProjects(ref, today).flatMap((project) => ruleViolations(project, today));
      expect(violations, today).toEqual([]);
    }
  });

  it('招商项目在不同的“今天”：储备以后都已签约，签约不晚于今天、早于实际开工', () => {
    for (const today of SOME_DAYS) {
      for (const project of buildDemoProjects(ref, today).filter((p) => p.isInvestmentPromotion)) {
        const where = `${today} ${project.name}`;
        if (project.stage !== 'reserve') expect(project.signingDate, where).not.toBeNull();
        if (!project.signingDate) continue;
        expect(project.signingDate <= today, where).toBe(true);
        if (project.actualStartDate) expect(project.signingDate < project.actualStartDate, where).toBe(true);
      }
    }
  });

  it('形象进度在不同的“今天”都与阶段、实际开工和已完成的节点相符', () => {
    for (const today of SOME_DAYS) {
      for (const project of buildDemoProjects(ref, today)) {
        const where = `${today} ${project.name}：${project.progressText}`;
        const done = (name: string) => demoMilestones(project, today).some((n) => n.name === name && n.actualDate);
        const started = project.actualStartDate !== null;
        if (project.stage === 'reserve' || project.stage === 'preliminary') {
          expect(project.progressText, where).not.toMatch(/封顶|竣工|投产|主体|桩基|开挖/);
        }
        if (!started) expect(project.progressText, where).not.toMatch(SITE_WORK);
        if (project.stage === 'completed')
          expect(project.progressText, where).toMatch(/竣工验收|建成投产|投入使用|投入生产/);
        else expect(project.progressText, where).not.toMatch(/已建成|通过竣工验收|竣工决算/);
        if (/封顶|主体完工|主体工程已完工/.test(project.progressText) && project.stage !== 'completed') {
          expect(done('主体完工（封顶）') || done('主体施工'), where).toBe(true);
        }
        if (project.stage === 'preliminary' && project.progressText.startsWith('前期手续已全部办结')) {
          expect(done('施工许可'), where).toBe(true);
        }
      }
    }
  });

  it('新开工项目大多已开工，也有逾期未开工和计划年内晚些开工的', () => {
    const newStarts = projects.filter((project) => project.stage === 'new_start');
    const notStarted = newStarts.filter((project) => !project.actualStartDate && project.plannedStartDate! < TODAY);
    const daysLate = (project: DemoProject) => (Date.parse(TODAY) - Date.parse(project.plannedStartDate!)) / 86_400_000;
    expect(notStarted.length).toBeGreaterThanOrEqual(4);
    expect(notStarted.length).toBeLessThanOrEqual(8);
    expect(notStarted.some((project) => daysLate(project) > 90)).toBe(true);
    expect(notStarted.some((project) => daysLate(project) <= 90)).toBe(true);
    expect(newStarts.some((project) => project.plannedStartDate! > TODAY)).toBe(true);
    expect(newStarts.filter((project) => project.actualStartDate).length).toBeGreaterThan(newStarts.length / 2);
  });

  it('已开工项目多数按序时进度完成投资，少数明显滞后', () => {
    const timeShare = (monthOf(TODAY) - 1) / 12;
    const running = projects.filter(
      (project) =>
        (project.stage === 'new_start' || project.stage === 'continuing') &&
        project.monthly.length > 0 &&
        project.annualPlanYuan > 0,
    );
    const lagging = running.filter((project) => doneThisYear(project) / project.annualPlanYuan < timeShare - 0.1);
    expect(running.length).toBeGreaterThan(40);
    expect(lagging.length).toBeGreaterThanOrEqual(4);
    expect(lagging.length).toBeLessThan(running.length / 3);
    for (const project of lagging) expect(project.progressText.length).toBeGreaterThan(0);
  });

  it('已开工项目多数已纳统，刚开工的部分未纳统，未开工的都不纳统', () => {
    const started = projects.filter((project) => project.actualStartDate);
    const inStatistics = started.filter((project) => project.inStatistics);
    expect(inStatistics.length).toBeGreaterThan(started.length * 0.75);
    expect(started.some((project) => !project.inStatistics)).toBe(true);
    expect(projects.filter((p) => !p.actualStartDate).every((p) => !p.inStatistics)).toBe(true);
  });

  it('责任单位为1到3个已有单位，责任人和联系人填的是职务而不是人名', () => {
    const unitIds = new Set(ref.units.map((unit) => unit.id));
    for (const project of projects) {
      expect(project.responsibleUnitIds.length).toBeGreaterThanOrEqual(1);
      expect(project.responsibleUnitIds.length).toBeLessThanOrEqual(3);
      expect(new Set(project.responsibleUnitIds).size).toBe(project.responsibleUnitIds.length);
      expect(project.responsibleUnitIds.every((id) => unitIds.has(id))).toBe(true);
      if (project.leadUnitId !== null) expect(unitIds.has(project.leadUnitId)).toBe(true);
      expect(project.chainLeadOverride).toBeNull();
      for (const person of [project.responsiblePerson, project.contactPerson]) {
        expect(person.length, person).toBeGreaterThanOrEqual(4);
        expect(
          POST_WORDS.some((word) => person.includes(word)),
          person,
        ).toBe(true);
      }
      expect(project.contactPhone).toMatch(/^0731-5600\d{4}$/);
    }
  });

  it('链长是市领导职务占位，牵头单位取自示例单位', () => {
    for (const chain of ref.chains) {
      const { chainLead, leadUnitName } = demoChainLead(chain.code, chain.name);
      expect(chainLead).toBe(`市领导（${chain.name}链长）`);
      expect(DEMO_UNITS).toContain(leadUnitName);
    }
    expect(DEMO_UNITS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_UNITS).size).toBe(DEMO_UNITS.length);
  });

  it('同样的参考数据和日期生成完全相同的示例项目', () => {
    expect(buildDemoProjects(ref, TODAY)).toEqual(projects);
    expect(buildDemoProjects(structuredClone(ref), TODAY)).toEqual(projects);
  });
});
