import type { ApiResult } from '../api-spec';
import { checkServer } from './check-server';
import { writeClientConfig } from './client-config';
import { parseServerUrl } from './server-url';

/**
 * 连接办公室服务器: the typed address checked, one request to its /api/health, then kept in the app's own
 * config. Answers as the contract does, so the page shows the refusal like any other.
 */
export async function connectToServer(configFolder: string, input: unknown): Promise<ApiResult> {
  const typed = typeof input === 'object' && input !== null ? (input as { url?: unknown }).url : undefined;
  const parsed = parseServerUrl(typeof typed === 'string' ? typed : '');
  if (!parsed.ok) return { ok: false, error: { code: 'invalid_input', message: parsed.message, field: 'url' } };
  const problem = await checkServer(parsed.origin);
  if (problem) return { ok: false, error: { code: 'server_unreachable', message: problem, field: 'url' } };
  writeClientConfig(configFolder, { serverOrigin: parsed.origin });
  return { ok: true, data: { origin: parsed.origin } };
}
