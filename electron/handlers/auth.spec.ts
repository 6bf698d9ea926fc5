import { z } from 'zod';
import type { UserView } from '../../db/model/roles';
import { requiredText } from '../../db/model/validation';
import { method, noInput } from './spec-shared';

// Logging in to the office server (issue #15). The transport will carry the token in a cookie; for now
// `auth.login` answers it.

const password = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .min(1, { error: `请填写${label}` })
    .max(200, { error: `${label}过长` });

export const authSpec = {
  'auth.login': method<{ token: string; user: UserView }>()(
    z.object({ login: requiredText('登录名', 50), password: password('密码') }).strict(),
  ),
  'auth.logout': method<null>()(noInput),
  'auth.me': method<UserView>()(noInput),
  'auth.changePassword': method<UserView>()(
    z.object({ oldPassword: password('当前密码'), newPassword: password('新密码') }).strict(),
  ),
};
