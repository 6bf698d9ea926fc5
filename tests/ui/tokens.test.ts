import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { theme } from '../../renderer/app/theme';
import { colors, cssVariable, FONT_FAMILY, sizes } from '../../renderer/ui/tokens';

const renderer = path.resolve(__dirname, '../../renderer');
const tokensCss = fs.readFileSync(path.join(renderer, 'ui/tokens.css'), 'utf8');
const HEX = /#[0-9a-f]{3,8}\b/gi;

/** `--zd-x: value;` declarations of tokens.css, by name */
function declared(): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tokensCss.matchAll(/(--zd-[a-z0-9-]+):\s*([^;]+);/g)) found.set(match[1], match[2].trim());
  return found;
}

describe('设计令牌：一处定义，处处一致', () => {
  it('tokens.css 中每个颜色、尺寸与 tokens.ts 一致，且颜色只有这些', () => {
    const css = declared();
    for (const [name, value] of Object.entries(colors)) {
      expect(css.get(cssVariable(name as keyof typeof colors)), name).toBe(value);
    }
    for (const [name, value] of Object.entries(sizes)) {
      expect(css.get(cssVariable(name as keyof typeof sizes)), name).toBe(`${value}px`);
    }
    const hexes = tokensCss.match(HEX) ?? [];
    expect(new Set(hexes)).toEqual(new Set(Object.values(colors)));
    expect(css.get('--zd-font-family')?.replace(/\s+/g, ' ')).toBe(FONT_FAMILY.replaceAll('"', "'"));
  });

  it('antd 的主题取自同一组令牌', () => {
    expect(theme.token?.colorPrimary).toBe(colors.brand);
    expect(theme.token?.colorError).toBe(colors.red);
    expect(theme.token?.colorWarning).toBe(colors.yellow);
    expect(theme.token?.colorSuccess).toBe(colors.green);
    expect(theme.token?.controlHeight).toBe(sizes.controlHeight);
    expect(theme.token?.fontSize).toBe(sizes.fontSize);
  });
});
