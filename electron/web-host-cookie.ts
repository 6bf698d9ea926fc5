// The office server's session cookie: HttpOnly (page scripts never see the token), SameSite=Strict (no other
// site's page sends it), Secure under TLS.
import type http from 'node:http';

export const SESSION_COOKIE = 'zdxm_session';

/** The session token the request carries, if any. */
export function sessionTokenOf(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === SESSION_COOKIE)
      return part.slice(equals + 1).trim() || undefined;
  }
  return undefined;
}

function cookie(value: string, secure: boolean, extra: string[] = []): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    ...extra,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** No Max-Age: the cookie lasts while the browser runs; the server's idle expiry ends the session itself. */
export function sessionCookie(token: string, secure: boolean): string {
  return cookie(token, secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return cookie('', secure, ['Max-Age=0']);
}
