import { createTempApp, type TempApp } from '../helpers/temp-app';

/**
 * Renderer tests talk to the real contract over a real temp SQLite file, through the same
 * `window.api.invoke` seam the Electron preload provides.
 */
export async function installRealApi(options: Parameters<typeof createTempApp>[0] = {}): Promise<TempApp> {
  const app = await createTempApp(options);
  window.api = { invoke: (method, input) => app.call(method, input) };
  return app;
}
