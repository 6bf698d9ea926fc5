import { describe, expect, it } from 'vitest';
import { formatPercent, formatWan, parseWan, sumYuan } from '../../db/model/money';

describe('金额：整数元存储，万元两位小数显示', () => {
  it('整数元显示为带千分位的万元', () => {
    expect(formatWan(12_345_600)).toBe('1,234.56');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(100)).toBe('0.01');
    expect(formatWan(6_000_000_000)).toBe('600,000.00');
    expect(formatWan(null)).toBe('');
  });

  it('录入的万元换算为精确的整数元', () => {
    expect(parseWan('1234.56')).toEqual({ ok: true, yuan: 12_345_600 });
    expect(parseWan('1,234.5')).toEqual({ ok: true, yuan: 12_345_000 });
    expect(parseWan(' 0.01 ')).toEqual({ ok: true, yuan: 100 });
    expect(parseWan('')).toEqual({ ok: true, yuan: null });
    // 0.1 + 0.2 style float error must not creep in
    expect(parseWan('0.29')).toEqual({ ok: true, yuan: 2_900 });
  });

  it('三位小数、字母、负数、天文数字都给出中文提示', () => {
    expect(parseWan('1.234')).toEqual({ ok: false, message: '金额最多保留两位小数（万元）' });
    expect(parseWan('12a')).toEqual({ ok: false, message: '请输入数字金额（万元）' });
    expect(parseWan('-5')).toEqual({ ok: false, message: '金额不能为负数' });
    expect(parseWan('1e308')).toEqual({ ok: false, message: '请输入数字金额（万元）' });
    expect(parseWan('99999999999')).toEqual({ ok: false, message: '金额过大，请核对单位是否为万元' });
  });

  it('合计是整数相加，不丢分毫', () => {
    const amounts = Array.from({ length: 1000 }, () => 100); // 1000 × 0.01万元
    expect(sumYuan(amounts)).toBe(100_000);
    expect(formatWan(sumYuan(amounts))).toBe('10.00');
    expect(sumYuan([1, null, undefined, 2])).toBe(3);
  });

  it('比率保留一位小数，分母为零时留空', () => {
    expect(formatPercent(1, 3)).toBe('33.3%');
    expect(formatPercent(5, 0)).toBe('');
  });
});
