import { z } from 'zod';
import type { ReferenceData } from '../../db/model/reference';
import { optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, noInput, readVersion } from './spec-shared';

export const referenceSpec = {
  'reference.list': method<ReferenceData>()(noInput),
  'reference.saveChain': method<ReferenceData>()(
    z
      .object({
        id: recordId('产业链').optional(),
        version: readVersion,
        code: requiredText('产业链代码', 6).regex(/^[A-Z]{2,6}$/, { error: '产业链代码应为2—6位大写字母' }),
        name: requiredText('产业链名称', 30),
        industryGroup: optionalText('产业类别', 20).default(''),
        chainLead: optionalText('链长', 50).default(''),
        leadUnitId: recordId('牵头单位').nullable().default(null),
      })
      .strict(),
  ),
  'reference.saveUnit': method<ReferenceData>()(
    z.object({ id: recordId('单位').optional(), version: readVersion, name: requiredText('单位名称', 50) }).strict(),
  ),
  'reference.savePark': method<ReferenceData>()(
    z
      .object({
        id: recordId('园区/片区').optional(),
        version: readVersion,
        name: requiredText('园区/片区名称', 50),
        area: optionalText('所属区域', 20).default(''),
        focus: optionalText('主导产业', 50).default(''),
      })
      .strict(),
  ),
  'reference.saveLevel': method<ReferenceData>()(
    z
      .object({ id: recordId('项目级别').optional(), version: readVersion, name: requiredText('级别名称', 30) })
      .strict(),
  ),
  'reference.saveTownship': method<ReferenceData>()(
    z
      .object({ id: recordId('乡镇/街道').optional(), version: readVersion, name: requiredText('乡镇/街道名称', 30) })
      .strict(),
  ),
  'reference.saveContactLeader': method<ReferenceData>()(
    z
      .object({
        id: recordId('包挂领导').optional(),
        version: readVersion,
        name: requiredText('领导姓名', 30),
        title: optionalText('职务', 50).default(''),
      })
      .strict(),
  ),
  'reference.setRetired': method<ReferenceData>()(
    z
      .object({
        kind: z.enum(['chain', 'unit', 'park', 'level', 'township', 'contactLeader'], { error: '类别不正确' }),
        id: recordId('条目'),
        retired: z.boolean({ error: '停用应为是或否' }),
      })
      .strict(),
  ),
};
