import { addMonths, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../db/model/attraction';

describe('招商约定开工的最后一天', () => {
  it.each([
    ['2026-01-10', 6, '2026-07-10'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', 12, '2027-03-31'],
    ['2026-05-31', 120, '2036-05-31'],
  ])('%s 签约，%i 个月：%s', (signing, months, deadline) => {
    expect(startDeadline(signing, months)).toBe(deadline);
  });

  it('与 date-fns 的 addMonths 逐日一致（2019—2030年，常用月数）', () => {
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2031, 0, 1); day += 86_400_000) {
      const signing = new Date(day).toISOString().slice(0, 10);
      for (const months of [1, 3, 6, 9, 12, 18, 24]) {
        expect(startDeadline(signing, months)).toBe(format(addMonths(parseISO(signing), months), 'yyyy-MM-dd'));
      }
    }
  });
});
