import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { vi, type Mock } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { AppStatus } from '../../electron/api-spec';
import { AppStatusContext } from '../../renderer/app/app-status';
import type { TempApp } from '../helpers/temp-app';

// as renderer/main.tsx sets it
dayjs.locale('zh-cn');

export interface PageOptions {
  /** where the in-memory router starts, a search included (`/history?project=3`); `/` by default */
  path?: string;
  /** gives the page the AppStatusContext the app shell gives it, with this app's `app.status` */
  app?: TempApp;
  /** the status to give instead of reading it from `app` */
  status?: AppStatus;
}

export interface RenderedPage extends RenderResult {
  /** the in-memory location: `history` holds every path the page moved to, the first one included */
  location: ReturnType<typeof memoryLocation>;
  /** what the page calls to have the shell read the status again (it resolves and does nothing) */
  refreshStatus: Mock<() => Promise<void>>;
}

/**
 * A page (or any part of the renderer) as the app shows it: antd in Chinese with the app's button spacing, an
 * in-memory wouter location, and the shell's AppStatusContext when `app` or `status` is given.
 *
 * Motion is off and the click wave disabled: jsdom never ends a CSS animation, so a dialog would never finish
 * closing, and the wave's timers would outlive the test file's window.
 */
export async function renderPage(ui: ReactNode, options: PageOptions = {}): Promise<RenderedPage> {
  const status = options.status ?? (options.app ? await options.app.ok('app.status', {}) : undefined);
  const refreshStatus = vi.fn(async () => {});
  const location = memoryLocation({ path: options.path ?? '/', record: true });
  const routed = (
    <Router hook={location.hook} searchHook={location.searchHook}>
      {ui}
    </Router>
  );
  const view = render(
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { motion: false } }}
      wave={{ disabled: true }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        {status ? (
          <AppStatusContext.Provider value={{ status, refreshStatus }}>{routed}</AppStatusContext.Provider>
        ) : (
          routed
        )}
      </AntApp>
    </ConfigProvider>,
  );
  return { ...view, location, refreshStatus };
}
