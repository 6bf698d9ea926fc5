import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempApp } from '../helpers/temp-app';
import { buttonName, formItemOf, renderProjectRoutes, seedProject } from './project-harness';
import { installRealApi } from './real-api';

let app: TempApp;
afterEach(() => app?.close());
const user = userEvent.setup({ delay: null });

describe('项目表单的招商一栏', { timeout: 60_000 }, () => {
  it('只对招商引资项目显示；注册、投产日期和万元金额按键盘填写后以整数元保存', async () => {
    app = await installRealApi({ demo: false });
    const plain = await seedProject(app, {});
    await renderProjectRoutes(app, `/projects/${plain.id}/edit`);
    await screen.findByText('基本信息');
    expect(screen.queryByText('签约 → 注册 → 开工 → 投产；金额单位万元')).toBeNull();
    const promotion = screen.getByText('是否招商引资项目').closest<HTMLElement>('.ant-form-item')!;
    await user.click(within(promotion).getByLabelText('是'));
    expect(await screen.findByText('签约 → 注册 → 开工 → 投产；金额单位万元')).toBeTruthy();

    await user.type(screen.getByLabelText('签约日期'), '2026-03-01{Enter}');
    await user.type(screen.getByLabelText('注册日期'), '2026-04-15{Enter}');
    await user.type(screen.getByLabelText('约定开工期限（月）'), '9');
    await user.type(screen.getByLabelText('合同投资'), '12000');
    await user.type(screen.getByLabelText('到位资金'), '3456.78');
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));

    await waitFor(async () =>
      expect(await app.ok('projects.get', { id: plain.id })).toMatchObject({
        isInvestmentPromotion: true,
        signingDate: '2026-03-01',
        registrationDate: '2026-04-15',
        startWithinMonths: 9,
        contractInvestmentYuan: 120_000_000,
        fundsInPlaceYuan: 34_567_800,
      }),
    );
  });

  it('注册日期早于签约日期时当场提示，不保存', async () => {
    app = await installRealApi({ demo: false });
    const project = await seedProject(app, { isInvestmentPromotion: true, signingDate: '2026-05-01' });
    await renderProjectRoutes(app, `/projects/${project.id}/edit`);
    const box = await screen.findByLabelText('注册日期');
    await user.type(box, '2026-04-01{Enter}');
    expect(await within(formItemOf('注册日期')).findByText('注册日期不能早于签约日期')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: buttonName('保存') }));
    expect((await app.ok('projects.get', { id: project.id })).registrationDate).toBeNull();
  });
});
