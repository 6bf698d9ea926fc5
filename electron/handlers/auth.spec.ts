import { z } from 'zod';
import type { UserView } from '../../db/model/roles';
import { requiredText } from '../../db/model/validation';
import { method, noInput } from './spec-shared';

// Logging in to the office server (issue #15). The session token never reaches page scripts: the HTTP host puts
// it into an HttpOnly cookie (services/auth/token-outbox.ts), and `auth.login` answers only the user.

const password = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { error: `请填写${label}` })
    .max(200, { error: `${label}过长` });

export const authSpec = {
  'auth.login': method<{ user: UserView }>()(
    z.object({ login: requiredText('登录名', 50), password: password('密码') }).strict(),
  ),
  'auth.logout': method<null>()(noInput),
  'auth.me': method<UserView>()(noInput),
  'auth.changePassword': method<UserView>()(
    z.object({ oldPassword: password('当前密码'), newPassword: password('新密码') }).strict(),
  ),
};
