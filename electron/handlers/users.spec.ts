import { z } from 'zod';
import { ROLES, type LoginEventView, type OpenSessionView, type UserView } from '../../db/model/roles';
import { recordId, requiredText, searchText } from '../../db/model/validation';
import { method, noInput } from './spec-shared';

// The admin's accounts (issue #15): a unit user carries the unit whose projects they may report on.

const role = z.enum(ROLES, { error: '请选择角色' });
const unitId = recordId('所属单位').nullable();
const password = z.string({ error: '请填写密码' }).max(200, { error: '密码过长' });

export const usersSpec = {
  'users.list': method<UserView[]>()(noInput),
  'users.create': method<UserView>()(
    z
      .object({
        login: requiredText('登录名', 50),
        displayName: requiredText('姓名', 20),
        role,
        unitId: unitId.default(null),
        password,
      })
      .strict(),
  ),
  'users.update': method<UserView>()(
    z
      .object({
        id: recordId('账户'),
        displayName: requiredText('姓名', 20).optional(),
        role: role.optional(),
        unitId: unitId.optional(),
      })
      .strict(),
  ),
  'users.resetPassword': method<UserView>()(z.object({ id: recordId('账户'), password }).strict()),
  'users.disable': method<UserView>()(z.object({ id: recordId('账户'), disabled: z.boolean().default(true) }).strict()),
  'users.endSessions': method<{ ended: number }>()(z.object({ id: recordId('账户') }).strict()),
  'users.sessions': method<OpenSessionView[]>()(noInput),
  'users.endSession': method<{ ended: number }>()(z.object({ sessionId: recordId('会话') }).strict()),
  'users.loginEvents': method<LoginEventView[]>()(
    z
      .object({
        login: searchText('登录名', 50).default(''),
        onlyFailures: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict(),
  ),
};
