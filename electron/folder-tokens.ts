import { randomBytes } from 'node:crypto';
import type { ApiResult, MethodInput, MethodName } from './api-spec';

// Folders outside the data folder, in the desktop app, come only from the main process's own folder dialog.
// `shell.chooseFolder` answers the window with an opaque one-time token for the folder the clerk picked (and
// its path, to show); the window sends the token where the contract takes a folder. Before the contract sees
// the request, the IPC layer (ipc.ts) swaps the token for the path — once: an unknown, used or expired token
// is refused. So a compromised page cannot copy the data to, read backups from or move the data folder to a
// path of its choosing. The handlers stay transport-blind: they receive a path, as they do from the browser
// host (which serves the local user only and keeps typed paths) and from tests.

/** The methods whose input names a folder outside the data folder, and the field that names it. */
export const CHOSEN_FOLDER_FIELDS = {
  'backups.copyTo': 'folder',
  'backups.addFrom': 'folder',
  'dataFolder.move': 'target',
} as const satisfies { [M in MethodName]?: keyof MethodInput<M> };

type FolderMethod = keyof typeof CHOSEN_FOLDER_FIELDS;

/** Long enough for the clerk to read the 移动 confirmation; a stale choice is simply made again. */
export const FOLDER_TOKEN_TTL_MS = 10 * 60_000;
/** Choices never used (a cancelled confirmation) are forgotten beyond this many. */
const MAX_OPEN_TOKENS = 20;

export const FOLDER_NOT_CHOSEN_MESSAGE = '文件夹的选择已失效，请重新选择文件夹。';

export class FolderTokens {
  private readonly open = new Map<string, { folder: string; expires: number }>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = FOLDER_TOKEN_TTL_MS,
  ) {}

  /** A new token for a folder the main process's dialog returned. */
  issue(folder: string): string {
    const token = `chosen-folder:${randomBytes(24).toString('base64url')}`;
    this.open.set(token, { folder, expires: this.now() + this.ttlMs });
    // Map keeps insertion order: the oldest choices go first
    for (const stale of [...this.open.keys()].slice(0, Math.max(0, this.open.size - MAX_OPEN_TOKENS))) {
      this.open.delete(stale);
    }
    return token;
  }

  /** The token's folder, once; null for an unknown, already used or expired token. */
  take(token: unknown): string | null {
    if (typeof token !== 'string') return null;
    const entry = this.open.get(token);
    if (!entry) return null;
    this.open.delete(token);
    return entry.expires > this.now() ? entry.folder : null;
  }
}

function isFolderMethod(method: string): method is FolderMethod {
  return Object.prototype.hasOwnProperty.call(CHOSEN_FOLDER_FIELDS, method);
}

/**
 * The input with its folder token replaced by the chosen path, for the three methods that take a folder;
 * any other method's input unchanged. A refusal when the value is not a live token (a typed path included).
 */
export function resolveChosenFolder(
  tokens: FolderTokens,
  method: string,
  input: unknown,
): { ok: true; input: unknown } | { ok: false; result: ApiResult } {
  if (!isFolderMethod(method)) return { ok: true, input };
  const field = CHOSEN_FOLDER_FIELDS[method];
  const given: unknown = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[field] : null;
  const folder = tokens.take(given);
  if (folder === null) {
    return {
      ok: false,
      result: { ok: false, error: { code: 'folder_not_chosen', message: FOLDER_NOT_CHOSEN_MESSAGE, field } },
    };
  }
  return { ok: true, input: { ...(input as Record<string, unknown>), [field]: folder } };
}
