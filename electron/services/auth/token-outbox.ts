import { AsyncLocalStorage } from 'node:async_hooks';

// A login's session token goes to the client beside the method's answer, never in it: the HTTP host collects it
// here and puts it into a cookie that page scripts cannot read, so `auth.login` answers only the user.

interface Outbox {
  token?: string;
}

const outbox = new AsyncLocalStorage<Outbox>();

/** Runs `work` (a dispatch) and answers the session token a login inside it handed out, if any. */
export async function collectSessionToken<T>(work: () => Promise<T>): Promise<{ result: T; token?: string }> {
  const box: Outbox = {};
  const result = await outbox.run(box, work);
  return { result, token: box.token };
}

/** For the transport that asked; without one (a single PC) the token is dropped. */
export function handOutSessionToken(token: string): void {
  const box = outbox.getStore();
  if (box) box.token = token;
}
