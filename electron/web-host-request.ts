// Whom a request is for and what it asks for: only our own host names and origins, and a path that parses.
import type http from 'node:http';

/** The names a host answers to, with the scheme its origin has. */
export interface OwnNames {
  /** Host header values, lower-case: `name:port`, and the bare name where the port is the scheme's default */
  hosts: ReadonlySet<string>;
  scheme: 'http' | 'https';
  /** a POST must name its origin: every browser sends one with a POST, a forged cross-site form too */
  originRequired: boolean;
}

const DEFAULT_PORTS = { http: 80, https: 443 };

/** `names` are host names or addresses, an IPv6 address in brackets. */
export function ownNames(
  names: readonly string[],
  port: number,
  scheme: OwnNames['scheme'] = 'http',
  originRequired = false,
): OwnNames {
  const hosts = new Set<string>();
  for (const name of names.map((n) => n.toLowerCase())) {
    hosts.add(`${name}:${port}`);
    if (port === DEFAULT_PORTS[scheme]) hosts.add(name);
  }
  return { hosts, scheme, originRequired };
}

/** The single PC's host: loopback only, as the browser on this machine names it. */
export function loopbackNames(port: number): OwnNames {
  return ownNames(['127.0.0.1', 'localhost'], port);
}

/** DNS rebinding and cross-site posts: only our own host names and origins are answered. */
export function isOwnRequest(req: http.IncomingMessage, own: OwnNames): boolean {
  if (!own.hosts.has((req.headers.host ?? '').toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return !(own.originRequired && req.method === 'POST');
  const prefix = `${own.scheme}://`;
  return origin.toLowerCase().startsWith(prefix) && own.hosts.has(origin.slice(prefix.length).toLowerCase());
}

export type RequestTarget = { ok: true; path: string } | { ok: false; status: 400 | 403 };

/**
 * The path of a request target, still percent-encoded. A path (`/…`, read as a path even when it starts `//`)
 * or an absolute `http(s)://` address naming this host; anything else, or what does not parse, is a bad request.
 */
export function requestTarget(target: string, own: OwnNames): RequestTarget {
  try {
    if (target.startsWith('/')) return { ok: true, path: new URL(`http://127.0.0.1${target}`).pathname };
    if (/^https?:\/\//i.test(target)) {
      const url = new URL(target);
      // the address's own host name wins over the Host header, so it must be ours too
      if (!own.hosts.has(url.host)) return { ok: false, status: 403 };
      return { ok: true, path: url.pathname };
    }
  } catch {
    // an address the URL parser refuses
  }
  return { ok: false, status: 400 };
}
