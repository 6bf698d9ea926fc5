import { DISPATCH_FIELD_LABELS, DISPATCH_TEXT_MAX } from '../../../db/model/dispatch';
import { parseWeek } from '../../../db/model/weeks';
import type { SheetColumn } from '../xlsx-sheet';

// What a fill-in sheet (填报表) holds, shared by the writer and the reader: the columns, which of them the
// unit may fill (the rest are locked and checked on return), and how a period is named on paper and in keys.

import type { FillinPeriod } from '../../../db/model/fillin';

export type { FillinPeriod };

export type FillinInput = 'text' | 'money' | 'date' | 'yesno';

export interface FillinColumn extends SheetColumn {
  key: string;
  /** what the unit fills in, and how Excel validates it; absent for locked columns */
  input?: FillinInput;
  maxLength?: number;
}

export const KEY_HEADER = '识别码（请勿改动）';
export const META_SHEET = '填报表信息';
export const META_MARK = 'zdxm-fillin-1';

export function periodKey(period: FillinPeriod): string {
  return period.kind === 'week' ? period.week : `${period.year}-${String(period.month).padStart(2, '0')}`;
}

export function periodLabel(period: FillinPeriod): string {
  if (period.kind === 'month') return `${period.year}年${period.month}月`;
  const week = parseWeek(period.week);
  return week ? `${week.year}年第${week.week}周` : period.week;
}

export function fillinColumns(period: FillinPeriod): FillinColumn[] {
  const locked = (key: string, header: string, kind: SheetColumn['kind'], min: number, max: number): FillinColumn => ({
    key,
    header,
    kind,
    min,
    max,
  });
  const text = (key: string, header: string): FillinColumn => ({
    key,
    header,
    kind: 'text',
    min: 24,
    max: 36,
    input: 'text',
    maxLength: DISPATCH_TEXT_MAX,
  });
  const identity = [
    locked('serial', '序号', 'serial', 5, 6),
    locked('code', '项目编号', 'center', 13, 14),
    locked('name', '项目名称', 'text', 18, 30),
    locked('stage', '阶段', 'center', 6, 7),
  ];
  const key = locked('key', KEY_HEADER, 'text', 10, 10);
  if (period.kind === 'week') {
    return [
      ...identity,
      text('progress', DISPATCH_FIELD_LABELS.progress),
      text('problems', DISPATCH_FIELD_LABELS.problems),
      text('coordination', DISPATCH_FIELD_LABELS.coordination),
      text('nextPlan', DISPATCH_FIELD_LABELS.nextPlan),
      key,
    ];
  }
  const before =
    period.month === 1
      ? []
      : [locked('before', `${period.month === 2 ? '1月' : `1—${period.month - 1}月`}完成投资（万元）`, 'wan', 12, 14)];
  return [
    ...identity,
    locked('annualPlan', '本年计划投资（万元）', 'wan', 12, 14),
    ...before,
    { key: 'amount', header: `${period.month}月完成投资（万元）`, kind: 'wan', min: 12, max: 14, input: 'money' },
    { ...text('progressText', '形象进度'), maxLength: 500 },
    { key: 'actualStartDate', header: '实际开工日期', kind: 'date', min: 12, max: 12, input: 'date' },
    { key: 'inStatistics', header: '是否纳统', kind: 'center', min: 8, max: 9, input: 'yesno' },
    key,
  ];
}
