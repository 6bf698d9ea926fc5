// The app's own project codes, `DZ-2026-001`: the chain's code, the year, a number counted up per chain and year.

/** What every code of a chain and year starts with. */
export function projectCodePrefix(chainCode: string, year: number): string {
  return `${chainCode}-${year}-`;
}

/** SQL's LIKE, which picks the stored codes, ignores the case of ASCII letters only. */
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

export function hasCodePrefix(code: string, prefix: string): boolean {
  return code.length >= prefix.length && asciiLower(code.slice(0, prefix.length)) === asciiLower(prefix);
}

/** The highest number among the codes that carry the prefix; 0 when none does. */
export function highestCodeNumber(prefix: string, codes: Iterable<string>): number {
  let highest = 0;
  for (const code of codes) {
    if (!hasCodePrefix(code, prefix)) continue;
    const n = Number(code.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return highest;
}

export function codeAfter(prefix: string, highest: number): string {
  return `${prefix}${String(highest + 1).padStart(3, '0')}`;
}

const codeCollator = new Intl.Collator('en', { numeric: true });

/**
 * The library's order of 项目编号: numbers by value (XM-2026-9 before XM-2026-10), then exactly. The server and the
 * window sort by this one rule, so the first rows the server sends ahead are the first rows the window shows.
 */
export function compareProjectCodes(a: string, b: string): number {
  return codeCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
