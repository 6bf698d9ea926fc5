import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_COUNT_CAP, writeAuditBatch } from '../../db/queries/audit';
import { HistoryPage } from '../../renderer/pages/history/HistoryPage';
import { PAGE_SIZE } from '../../renderer/links/history-query';
import type { TempApp } from '../helpers/temp-app';
import { installRealApi } from './real-api';
import { renderPage } from './render-page';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

// More changes than the log counts: the count says “以上” and the pages go on past it with “更多…”.
const EXTRA = 250;
let app: TempApp;

beforeAll(async () => {
  app = await installRealApi();
  await writeAuditBatch(
    app.ctx.store,
    Array.from({ length: AUDIT_COUNT_CAP + EXTRA }, (_, i) => ({
      at: '2026-11-20T02:00:00.000Z',
      operator: '李晓梅',
      entity: 'project',
      entityId: 1,
      action: 'update' as const,
      changes: [{ field: 'progressText', oldValue: `旧${i}`, newValue: `新${i}` }],
    })),
  );
});
afterAll(() => app?.close());

const countText = () => screen.getByLabelText('记录条数').textContent ?? '';

describe('变更记录：记录多于计数上限时', () => {
  it(`显示“共 ${AUDIT_COUNT_CAP} 条以上记录”；最后一页有“更多…”，点后读出更早的记录，“回到最新”回到第一页`, async () => {
    const lastCountedPage = Math.ceil(AUDIT_COUNT_CAP / PAGE_SIZE);
    const { location } = await renderPage(<HistoryPage />, { path: `/history?page=${lastCountedPage}` });
    await waitFor(() => expect(countText()).toMatch(new RegExp(`共 ?${AUDIT_COUNT_CAP} ?条以上记录`)), {
      timeout: 15_000,
    });

    fireEvent.click(await screen.findByRole('button', { name: '更多…' }));
    // the counted pages end with the change written EXTRA-th; “更多…” starts with the one before it
    await screen.findByText(`旧${EXTRA - 1}`, {}, { timeout: 15_000 });
    expect(screen.queryByText(`旧${EXTRA}`)).toBeNull();
    expect(countText()).toMatch(/^更早的记录：/);
    // the counted pages held the newest 10,000 changes; the rest are these
    const older = Number(countText().match(/共 ?(\d+) ?条/)?.[1]);
    expect(older).toBeGreaterThan(0);
    expect(older).toBeLessThanOrEqual(EXTRA + 10);
    expect(location.history.at(-1)).toMatch(/before=\d+/);

    fireEvent.click(screen.getByRole('button', { name: '回到最新' }));
    await waitFor(() => expect(countText()).toMatch(new RegExp(`^共 ?${AUDIT_COUNT_CAP} ?条以上记录`)));
    expect(location.history.at(-1)).not.toMatch(/before=/);
  });
});
