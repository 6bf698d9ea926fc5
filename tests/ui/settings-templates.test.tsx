import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route } from 'wouter';
import { DEFAULT_LIGHT_THRESHOLDS } from '../../db/model/lights';
import { DEFAULT_MILESTONE_TEMPLATES } from '../../db/model/milestones';
import { SettingsPage } from '../../renderer/pages/settings/SettingsPage';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

// antd pages are heavy in jsdom and this machine is shared
vi.setConfig({ testTimeout: 60_000 });

let app: TempApp | undefined;
// jsdom runs no CSS transitions, so antd's brief pointer-events:none while a popup opens never ends
const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function renderSettings(path: string, seed?: (api: TempApp) => Promise<void>) {
  app = await installRealApi({ demo: false });
  await seed?.(app);
  const { location } = await renderPage(
    <Route path="/settings/:tab?">{(params) => <SettingsPage tab={params.tab} />}</Route>,
    { app, path },
  );
  return { api: app, location };
}

/** antd spaces out two-character button labels (“保 存”). */
function buttonIn(container: HTMLElement, label: string): HTMLElement {
  const text = within(container).getByText(new RegExp(`^${[...label].join('\\s*')}$`));
  const button = text.closest('button');
  if (!button) throw new Error(`no button ${label}`);
  return button;
}

async function templateCard(stage: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name: `${stage}节点模板` });
}

function nodeNames(card: HTMLElement): string[] {
  return within(card)
    .getAllByLabelText(/第\d+个节点名称$/)
    .map((input) => (input as HTMLInputElement).value);
}

async function setNumber(input: HTMLElement, text: string) {
  await user.clear(input);
  await user.type(input, text);
}

describe('节点模板', () => {
  it('四个阶段的模板显示默认节点，前期8个节点自立项起，并写明排法和合计工期', async () => {
    await renderSettings('/settings/templates');
    const preliminary = await templateCard('前期');
    expect(nodeNames(preliminary)).toHaveLength(8);
    expect(nodeNames(preliminary)[0]).toBe('立项（审批/核准/备案）');
    expect(nodeNames(preliminary)).toEqual(DEFAULT_MILESTONE_TEMPLATES.preliminary.map((n) => n.name));
    expect(preliminary.textContent).toContain('以计划开工日期为目标倒排');
    expect(preliminary.textContent).toContain('合计210天');

    expect((await templateCard('储备')).textContent).toContain('以计划开工日期为目标倒排');
    expect((await templateCard('新开工')).textContent).toContain('以计划开工日期起顺排');
    expect(nodeNames(await templateCard('新开工'))[0]).toBe('实际开工');
    expect((await templateCard('续建')).textContent).toContain('以计划竣工日期为目标倒排');
    expect(screen.queryByRole('region', { name: '竣工节点模板' })).toBeNull();
  });

  it('修改工期并保存后模板中保存了新工期，合计随之变化', async () => {
    const { api } = await renderSettings('/settings/templates');
    const card = await templateCard('前期');
    await setNumber(within(card).getByLabelText('前期第2个节点工期'), '40');
    expect(card.textContent).toContain('合计220天');
    expect(card.textContent).toContain('未保存');
    await user.click(buttonIn(card, '保存'));
    await waitFor(async () =>
      expect((await api.ok('milestoneTemplates.list', {})).preliminary[1]).toEqual({
        name: '用地预审与选址意见',
        durationDays: 40,
      }),
    );
    const saved = await templateCard('前期');
    await waitFor(() => expect(saved.textContent).not.toContain('未保存'));
    expect((within(saved).getByLabelText('前期第2个节点工期') as HTMLInputElement).value).toBe('40');
  });

  it('工期填负数或小数时在格旁提示，保存不写入任何内容', async () => {
    const { api } = await renderSettings('/settings/templates');
    const card = await templateCard('续建');
    const days = within(card).getByLabelText('续建第1个节点工期');
    await setNumber(days, '-5');
    expect(within(card).getByText('工期不能为负数')).toBeTruthy();
    await user.click(buttonIn(card, '保存'));
    expect(await within(card).findByText('有填写不正确的地方，请按提示改正后再保存')).toBeTruthy();

    await setNumber(days, '1.5');
    expect(within(card).getByText('工期应为整数天')).toBeTruthy();
    await user.click(buttonIn(card, '保存'));

    expect((await api.ok('milestoneTemplates.list', {})).continuing).toEqual(DEFAULT_MILESTONE_TEMPLATES.continuing);
  });

  it('新增、上移、删除节点后保存，模板按新顺序保存', async () => {
    const { api } = await renderSettings('/settings/templates');
    const card = await templateCard('储备');
    await user.click(buttonIn(card, '新增节点'));
    const name = within(card).getByLabelText('储备第3个节点名称');
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard('项目入库');
    await setNumber(within(card).getByLabelText('储备第3个节点工期'), '10');
    await user.click(within(card).getByLabelText('上移项目入库'));
    await user.click(within(card).getByLabelText('删除项目签约'));
    expect(nodeNames(card)).toEqual(['项目入库', '完成项目建议书/可研']);
    await user.click(buttonIn(card, '保存'));
    await waitFor(async () =>
      expect((await api.ok('milestoneTemplates.list', {})).reserve).toEqual([
        { name: '项目入库', durationDays: 10 },
        { name: '完成项目建议书/可研', durationDays: 60 },
      ]),
    );
  });

  it('恢复默认须先确认，确认后模板回到默认节点', async () => {
    const { api } = await renderSettings('/settings/templates', async (seed) => {
      await seed.ok('milestoneTemplates.save', { stage: 'new_start', nodes: [{ name: '实际开工', durationDays: 0 }] });
    });
    const card = await templateCard('新开工');
    expect(nodeNames(card)).toEqual(['实际开工']);
    await user.click(buttonIn(card, '恢复默认'));
    const notice = await screen.findByText(/将改回默认的3个节点及工期/);
    await user.click(buttonIn(notice.closest('.ant-popover') as HTMLElement, '恢复默认'));
    await waitFor(async () =>
      expect((await api.ok('milestoneTemplates.list', {})).new_start).toEqual(DEFAULT_MILESTONE_TEMPLATES.new_start),
    );
    expect(nodeNames(await templateCard('新开工'))).toEqual(['实际开工', '基础施工完成', '主体施工']);
  });

  it('一个模板的未保存修改不因另一个模板保存而丢失', async () => {
    await renderSettings('/settings/templates');
    const reserve = await templateCard('储备');
    await setNumber(within(reserve).getByLabelText('储备第1个节点工期'), '45');
    const continuing = await templateCard('续建');
    await setNumber(within(continuing).getByLabelText('续建第4个节点工期'), '20');
    await user.click(buttonIn(continuing, '保存'));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: '续建节点模板' }).textContent).not.toContain('未保存'),
    );
    expect((within(await templateCard('储备')).getByLabelText('储备第1个节点工期') as HTMLInputElement).value).toBe(
      '45',
    );
  });
});

describe('预警设置', () => {
  it('显示默认预警标准，修改后保存到设置', async () => {
    const { api } = await renderSettings('/settings/lights');
    const startRed = (await screen.findByLabelText('开工红灯天数')) as HTMLInputElement;
    expect(startRed.value).toBe('90');
    expect((screen.getByLabelText('节点临期天数') as HTMLInputElement).value).toBe('7');
    expect((screen.getByLabelText('投资黄灯百分点') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('投资红灯百分点') as HTMLInputElement).value).toBe('30');
    expect(screen.getByText(/超过90天仍未开工的，亮红灯/)).toBeTruthy();

    await setNumber(startRed, '60');
    await setNumber(screen.getByLabelText('纳统红灯月数'), '3');
    const threshold = screen.getByLabelText('纳统门槛（万元）') as HTMLInputElement;
    expect(threshold.value).toBe('500');
    await setNumber(threshold, '1000');
    await user.click(screen.getByLabelText(/按已过天数/));
    await user.click(screen.getByLabelText('报送截止星期'));
    await user.click(await screen.findByTitle('周四'));
    expect(screen.getByText(/本周进展过了周四仍未报送的，亮黄灯/)).toBeTruthy();
    expect(screen.getByText(/超过60天仍未开工的，亮红灯/)).toBeTruthy();
    await user.click(buttonIn(document.body, '保存'));
    expect(await screen.findByText(/预警设置已保存/)).toBeTruthy();
    const settings = await api.ok('settings.get', {});
    expect(settings.lightThresholds).toEqual({
      ...DEFAULT_LIGHT_THRESHOLDS,
      startRedDays: 60,
      statisticsRedMonths: 3,
      reportDeadlineWeekday: 4,
    });
    expect(settings.timeProgressMode).toBe('elapsed_days');
    expect(settings.statisticsThresholdYuan).toBe(10_000_000);
  });

  it('天数为负数或红灯线低于黄灯线时提示，不保存', async () => {
    const { api } = await renderSettings('/settings/lights');
    await setNumber(await screen.findByLabelText('节点临期天数'), '-3');
    expect(screen.getByText('节点临期天数不能为负数')).toBeTruthy();
    await setNumber(screen.getByLabelText('节点临期天数'), '7');
    await setNumber(screen.getByLabelText('投资红灯百分点'), '5');
    expect(screen.getByText('投资红灯百分点不能小于黄灯百分点')).toBeTruthy();
    await user.click(buttonIn(document.body, '保存'));
    expect(await screen.findByText('有填写不正确的地方，请按提示改正后再保存')).toBeTruthy();
    expect((await api.ok('settings.get', {})).lightThresholds).toEqual(DEFAULT_LIGHT_THRESHOLDS);
  });

  it('恢复默认填回默认标准，保存后生效', async () => {
    const { api } = await renderSettings('/settings/lights', async (seed) => {
      await seed.ok('settings.update', {
        lightThresholds: { ...DEFAULT_LIGHT_THRESHOLDS, milestoneDueDays: 3, investmentRedPoints: 40 },
      });
    });
    const due = (await screen.findByLabelText('节点临期天数')) as HTMLInputElement;
    expect(due.value).toBe('3');
    await user.click(buttonIn(document.body, '恢复默认'));
    expect(due.value).toBe('7');
    expect((screen.getByLabelText('投资红灯百分点') as HTMLInputElement).value).toBe('30');
    await user.click(buttonIn(document.body, '保存'));
    expect(await screen.findByText(/预警设置已保存/)).toBeTruthy();
    expect((await api.ok('settings.get', {})).lightThresholds).toEqual(DEFAULT_LIGHT_THRESHOLDS);
  });
});

describe('基本设置', () => {
  it('计划年度旁的“年度结转…”打开年度结转页', async () => {
    const { location } = await renderSettings('/settings/basic');
    await screen.findByLabelText('计划年度');
    await user.click(buttonIn(document.body, '年度结转…'));
    expect(location.history?.at(-1)).toBe('/rollover');
  });
});
