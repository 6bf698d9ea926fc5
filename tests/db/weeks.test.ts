import { addDays, format, getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../db/model/dates';
import { parseWeek, shiftWeek, weekLabel, weekOf } from '../../db/model/weeks';

describe('调度周（ISO 周）', () => {
  it('2026年11月28日在第48周：11月23日—11月29日', () => {
    const week = weekOf('2026-11-28');
    expect(week).toEqual({ key: '2026-W48', year: 2026, week: 48, start: '2026-11-23', end: '2026-11-29' });
    expect(weekLabel(week)).toBe('2026年第48周（11月23日—11月29日）');
  });

  // Issue 4 says “2026-W53 does not exist”, but 1 January 2026 is a Thursday, so ISO 8601 gives 2026 a
  // 53rd week (28 Dec 2026 – 3 Jan 2027); that is exactly why 2027-W01 starts on 4 January. 2027 has 52.
  it('2026年有第53周（12月28日—次年1月3日），所以2027年第1周从1月4日开始；2027年没有第53周', () => {
    expect(parseWeek('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
    expect(weekOf('2027-01-03').key).toBe('2026-W53');
    expect(parseWeek('2027-W01')).toMatchObject({ start: '2027-01-04', end: '2027-01-10' });
    expect(parseWeek('2027-W53')).toBeNull();
    expect(parseWeek('2027-W52')).toMatchObject({ start: '2027-12-27', end: '2028-01-02' });
  });

  it('2020年有第53周，跨年的日子归属正确', () => {
    expect(parseWeek('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    expect(weekOf('2021-01-03').key).toBe('2020-W53');
    expect(weekOf('2021-01-04').key).toBe('2021-W01');
    expect(weekOf('2024-12-30').key).toBe('2025-W01');
  });

  it('前后翻周跨年', () => {
    expect(shiftWeek('2027-W01', -1).key).toBe('2026-W53');
    expect(shiftWeek('2028-W01', -1).key).toBe('2027-W52');
    expect(shiftWeek('2020-W53', 1).key).toBe('2021-W01');
    expect(shiftWeek('2026-W48', 0).key).toBe('2026-W48');
  });

  it('格式不对的周被拒绝', () => {
    expect(parseWeek('2026-48')).toBeNull();
    expect(parseWeek('2026-W00')).toBeNull();
    expect(parseWeek('2026-W7')).toBeNull();
  });

  it('二十年里逐日：日期的写法与所在的周都与日历一致；改动拿到的周不影响下一次', () => {
    for (let day = new Date(2015, 0, 1); day < new Date(2036, 0, 1); day = addDays(day, 1)) {
      const iso = toIsoDate(day);
      expect(iso).toBe(format(day, 'yyyy-MM-dd'));
      const week = weekOf(iso);
      expect([week.year, week.week]).toEqual([getISOWeekYear(day), getISOWeek(day)]);
      expect(week.start <= iso && iso <= week.end).toBe(true);
    }
    expect(() => toIsoDate(new Date(Number.NaN))).toThrow(RangeError);
    const changed = weekOf('2026-11-28');
    changed.start = '1999-01-01';
    expect(weekOf('2026-11-28').start).toBe('2026-11-23');
  });
});
