// Before the office server listens: the first admin (--init-admin), and no listening on the LAN without accounts.
import { AppError } from '../db/errors';
import { countUsers } from '../db/queries/users';
import type { AppContext } from './services/app-context';
import { createFirstAdmin } from './services/auth/first-admin';
import { isLoopback } from './server-names';

export interface FirstAdmin {
  login: string;
  /** from ZDXM_INIT_PASSWORD, never the command line */
  password: string;
}

export const NO_ACCOUNTS =
  '还没有任何账户，服务器不能在局域网上监听：请加上 --init-admin 登录名，并在环境变量 ZDXM_INIT_PASSWORD 中给出初始密码，建立第一个管理员';

/**
 * Makes the first admin if asked and the library has no account, and refuses (throws) a listen beyond this
 * machine while nobody could log in. Answers what to tell whoever started the server.
 */
export async function prepareAccounts(ctx: AppContext, listenHost: string, firstAdmin?: FirstAdmin): Promise<string[]> {
  const trouble = ctx.damage ?? ctx.startProblem;
  if (trouble) {
    if (isLoopback(listenHost)) return [];
    // a refusal before anyone can log in: the restore is done on the server itself, with the single PC's host
    throw new AppError(
      'not_ready',
      `${trouble.message}；请先在服务器本机用 npm run web（同样的 --data-dir 或 --database）打开并处理，再启动办公室服务器`,
    );
  }
  const notices: string[] = [];
  if (firstAdmin) {
    try {
      const admin = await createFirstAdmin(ctx.store, firstAdmin.login, firstAdmin.password);
      notices.push(`已建立初始管理员 ${admin.login}：首次登录时须修改密码`);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'users_exist')) throw error;
      notices.push('已有账户，未再建立初始管理员（--init-admin 已忽略）');
    }
  }
  if (!isLoopback(listenHost) && (await countUsers(ctx.store)) === 0) throw new AppError('no_accounts', NO_ACCOUNTS);
  return notices;
}
