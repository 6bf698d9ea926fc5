import type { MethodInput } from '../../../electron/api-spec';

/**
 * Sends one save while the window closes: nothing waits for the answer. In the browser host a keepalive
 * request outlives the page; in Electron the preload's message has left the window once the call returns.
 */
export function saveOnExit(input: MethodInput<'dispatch.saveEntry'>): void {
  if (window.api) {
    void window.api.invoke('dispatch.saveEntry', input).catch(() => undefined);
    return;
  }
  void fetch('api/dispatch.saveEntry', {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  }).catch(() => undefined);
}
