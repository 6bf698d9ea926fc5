// The office server a desktop app connects to (issue #15, desktop client mode): what the clerk types is checked
// here, with no Electron import, so the rules are tested in plain node.

export type ServerUrlCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Reads what the clerk typed as the server's address: http or https, a host, an optional port, nothing after
 * (a path, a query, a name and password). A bare `192.168.1.10:8080` is taken as http. Answers the origin the
 * window will load and be confined to, e.g. `http://192.168.1.10:8080`.
 */
export function parseServerUrl(typed: string): ServerUrlCheck {
  const text = typed.trim();
  if (!text) return { ok: false, message: '请填写办公室服务器的地址，例如 http://192.168.1.10:8080' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${text}”不是有效的地址，例如 http://192.168.1.10:8080` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: '地址须以 http:// 或 https:// 开头' };
  }
  if (!url.hostname) return { ok: false, message: '地址中缺少服务器名称或 IP 地址' };
  if (url.username || url.password) return { ok: false, message: '地址中不能包含用户名或密码，登录在连接后进行' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: '只填写服务器地址和端口，不要带路径，例如 http://192.168.1.10:8080' };
  }
  return { ok: true, origin: url.origin };
}

/** Whether `url` lies on the server's origin (scheme, host and port all the same): the window goes nowhere else. */
export function isOnOrigin(url: string | undefined, origin: string): boolean {
  if (!url) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
