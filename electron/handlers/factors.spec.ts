import { z } from 'zod';
import {
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  LAND_STATUSES,
  MAX_HUNDREDTHS,
  SHORTFALL_KINDS,
  type FactorSheet,
  type Shortfalls,
} from '../../db/model/factors';
import type { ExportedFile } from '../../db/model/exported-file';
import { recordId, yuanAmount } from '../../db/model/validation';
import { method, planYear, readVersion } from './spec-shared';

/** 亩 or 吨标准煤 as integer hundredths (12.50亩 = 1250); null: not filled in. */
function hundredths(label: string) {
  return z
    .number({ error: `${label}应为数字` })
    .int({ error: `${label}最多保留两位小数` })
    .min(0, { error: `${label}不能为负数` })
    .max(MAX_HUNDREDTHS, { error: `${label}过大，请核对` })
    .nullable();
}

const fundRow = z
  .object({
    source: z.enum(FUND_SOURCES, { error: '资金来源不正确' }),
    plannedYuan: yuanAmount('计划资金'),
    inPlaceYuan: yuanAmount('到位资金'),
  })
  .strict();

const shortfallInput = z
  .object({ kind: z.enum(SHORTFALL_KINDS, { error: '缺口类别不正确' }), year: planYear.optional() })
  .strict();

export const factorsSpec = {
  /** a project's 要素保障: land and energy, and the funds of `year` (default: the plan year) */
  'factors.get': method<FactorSheet>()(z.object({ projectId: recordId('项目'), year: planYear.optional() }).strict()),
  /** saves the whole sheet: land, energy and the year's funds (a source left out has none that year) */
  'factors.save': method<FactorSheet>()(
    z
      .object({
        projectId: recordId('项目'),
        year: planYear,
        version: readVersion,
        land: z
          .object({
            demandHundredths: hundredths('需求亩数'),
            suppliedHundredths: hundredths('已供亩数'),
            status: z.enum(LAND_STATUSES, { error: '请选择报批状态' }),
          })
          .strict(),
        energy: z
          .object({ neededHundredths: hundredths('需求用能指标'), grantedHundredths: hundredths('已批用能指标') })
          .strict(),
        funds: z
          .array(fundRow)
          .max(FUND_SOURCES.length, { error: '资金来源最多5类' })
          .superRefine((rows, check) => {
            const seen = new Set<string>();
            for (const row of rows) {
              if (seen.has(row.source)) {
                check.addIssue({ code: 'custom', message: `资金来源“${FUND_SOURCE_LABELS[row.source]}”重复` });
              }
              seen.add(row.source);
            }
          }),
      })
      .strict(),
  ),
  /** the projects short of land, of the year's funds, or of energy, with the gaps and totals */
  'factors.shortfalls': method<Shortfalls>()(shortfallInput),
  /** the same list as a workbook, as the screen shows it */
  'factors.export': method<ExportedFile>()(shortfallInput),
};
