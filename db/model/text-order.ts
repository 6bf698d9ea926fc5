/**
 * Texts in code-point order, the order SQLite's BINARY and PostgreSQL's COLLATE "C" sort them in, for the few
 * sorts done in memory that must agree with a sort in SQL. JavaScript's `<` compares UTF-16 units, which puts a
 * character past U+FFFF (a rare 汉字 of CJK Extension B) before U+E000–U+FFFF (full-width （ and ：).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xPastBmp = isSurrogate(x);
    if (xPastBmp !== isSurrogate(y)) return xPastBmp ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;
