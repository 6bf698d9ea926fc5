import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../electron/services/xlsx-sheet';

describe('台账列宽按显示宽度计', () => {
  it('汉字和全角标点占两格，字母数字占一格，扩展区汉字算一个字', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('ABC-123')).toBe(7);
    expect(displayWidth('湘乡经开区')).toBe(10);
    expect(displayWidth('总投资（万元）')).toBe(14);
    expect(displayWidth('𠀀号厂房')).toBe(8);
    expect(displayWidth('1号楼')).toBe(5);
  });
});
