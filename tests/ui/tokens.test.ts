import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { theme } from '../../renderer/app/theme';
import { colors, cssVariable, FONT_FAMILY, sizes } from '../../renderer/ui/tokens';

const renderer = path.resolve(__dirname, '../../renderer');
const tokensCss = fs.readFileSync(path.join(renderer, 'ui/tokens.css'), 'utf8');
const HEX = /#[0-9a-f]{3,8}\b/gi;

const MAX_ANT_OVERRIDES = 20;

/** every stylesheet under renderer/, as [path relative to renderer/, text] */
function stylesheets(dir = renderer): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(full);
    return entry.name.endsWith('.css') ? [[path.relative(renderer, full), fs.readFileSync(full, 'utf8')]] : [];
  });
}

/** the selectors of a stylesheet's rules that reach into antd's markup (`.ant-…`), each with whether a comment
 *  right before its rule says why */
function antOverrides(css: string): { selector: string; explained: boolean }[] {
  const found: { selector: string; explained: boolean }[] = [];
  for (const match of css.matchAll(/([^{}]*)\{/g)) {
    const prelude = match[1];
    const explained = /\/\*[\s\S]*?\*\//.test(prelude);
    const selectors = prelude.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    if (selectors.startsWith('@')) continue;
    for (const selector of selectors.split(',')) {
      if (selector.includes('.ant-')) found.push({ selector: selector.trim(), explained });
    }
  }
  return found;
}

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

  it('样式表不写颜色值：十六进制颜色只在 tokens.css 中', () => {
    const elsewhere = stylesheets()
      .filter(([file]) => file !== path.join('ui', 'tokens.css'))
      .flatMap(([file, css]) => (css.match(HEX) ?? []).map((hex) => `${file}: ${hex}`));
    expect(elsewhere).toEqual([]);
  });

  it(`改写 antd 内部样式（.ant-…）的选择器不超过 ${MAX_ANT_OVERRIDES} 个，每条都有注释说明为何令牌做不到`, () => {
    const overrides = stylesheets().flatMap(([file, css]) =>
      antOverrides(css).map((override) => ({ ...override, selector: `${file}: ${override.selector}` })),
    );
    expect(overrides.length).toBeLessThanOrEqual(MAX_ANT_OVERRIDES);
    expect(overrides.filter((override) => !override.explained).map((override) => override.selector)).toEqual([]);
  });
});
