// The 交办单 route names its problems by id: /print/problem-slips?ids=3,7,12 — runs of consecutive ids are
// written as ranges (ids=1-35,40) so a large batch stays well inside the length a print route may have.

/** Ids in the order given, without repeats; ranges a-b are expanded. Anything else is ignored. */
export function readSlipIds(search: string): number[] {
  const text = new URLSearchParams(search).get('ids') ?? '';
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!range) continue;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    // a range is never wider than a print job could be; a mistyped huge one is ignored
    if (to < from || to - from > 10_000) continue;
    for (let id = Math.max(1, from); id <= to; id++) {
      if (!seen.has(id)) ids.push(id);
      seen.add(id);
    }
  }
  return ids;
}

function compact(ids: readonly number[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < ids.length) {
    let end = index;
    while (end + 1 < ids.length && ids[end + 1] === ids[end] + 1) end++;
    parts.push(end - index >= 2 ? `${ids[index]}-${ids[end]}` : ids.slice(index, end + 1).join(','));
    index = end + 1;
  }
  return parts.join(',');
}

export function slipRoute(ids: readonly number[]): string {
  return `/print/problem-slips?ids=${compact(ids)}`;
}

/** 问题交办单-WT-2026-0001.pdf for one, 问题交办单（3份）.pdf for several. */
export function slipPdfName(codes: readonly string[]): string {
  return codes.length === 1 ? `问题交办单-${codes[0]}.pdf` : `问题交办单（${codes.length}份）.pdf`;
}
