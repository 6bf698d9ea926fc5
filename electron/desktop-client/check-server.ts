// Before the desktop app switches to a server, one request to its health answer: a wrong address is said at
// once, in Chinese, instead of a blank window.

const TIMEOUT_MS = 5000;

/** Answers null when `origin` answers as this program's server does, else why not, for the clerk. */
export async function checkServer(origin: string, fetchOnce: typeof fetch = fetch): Promise<string | null> {
  let response: Response;
  try {
    response = await fetchOnce(`${origin}/api/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return timedOut
      ? `连接 ${origin} 超时：请确认服务器已启动，且本机与服务器在同一网络`
      : `无法连接 ${origin}：请确认地址和端口正确、服务器已启动`;
  }
  if (!response.ok) return `${origin} 不是重点项目推进台的办公室服务器（答复 ${response.status}）`;
  try {
    const body = (await response.json()) as { ok?: unknown };
    if (body.ok === true) return null;
  } catch {
    // not JSON: some other web server answers at that address
  }
  return `${origin} 不是重点项目推进台的办公室服务器`;
}
