// Whom a request is for and what it asks for: only our own host name and origin, and a path that parses.
import type http from 'node:http';

function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** DNS rebinding and cross-site posts: only our own host name and origin are answered. */
export function isOwnRequest(req: http.IncomingMessage, port: number): boolean {
  const allowedHosts = ownHosts(port);
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((host) => origin === `http://${host}`);
}

export type RequestTarget = { ok: true; path: string } | { ok: false; status: 400 | 403 };

/**
 * The path of a request target, still percent-encoded. A path (`/…`, read as a path even when it starts `//`)
 * or an absolute `http://` address naming this host; anything else, or what does not parse, is a bad request.
 */
export function requestTarget(target: string, port: number): RequestTarget {
  try {
    if (target.startsWith('/')) return { ok: true, path: new URL(`http://127.0.0.1${target}`).pathname };
    if (/^https?:\/\//i.test(target)) {
      const url = new URL(target);
      // the address's own host name wins over the Host header, so it must be ours too
      if (!ownHosts(port).includes(url.host)) return { ok: false, status: 403 };
      return { ok: true, path: url.pathname };
    }
  } catch {
    // an address the URL parser refuses
  }
  return { ok: false, status: 400 };
}
