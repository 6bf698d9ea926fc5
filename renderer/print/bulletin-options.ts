import { BULLETIN_HONOUR_DEFAULT, BULLETIN_HONOUR_MAX } from '../../db/model/bulletin';

export interface BulletinPrintOptions {
  year: number;
  month: number;
  /** how many units the 红榜 and the 黑榜 each name */
  honourSize: number;
}

function whole(text: string | null, min: number, max: number): number | null {
  const value = Number(text);
  return text && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** /print/bulletin?year=2026&month=11&top=5; what is missing or malformed falls back to `fallback`. */
export function readBulletinOptions(search: string, fallback: { year: number; month: number }): BulletinPrintOptions {
  const query = new URLSearchParams(search);
  return {
    year: whole(query.get('year'), 2000, 2100) ?? fallback.year,
    month: whole(query.get('month'), 1, 12) ?? fallback.month,
    honourSize: whole(query.get('top'), 1, BULLETIN_HONOUR_MAX) ?? BULLETIN_HONOUR_DEFAULT,
  };
}

export function bulletinPrintRoute(options: BulletinPrintOptions): string {
  return `/print/bulletin?year=${options.year}&month=${options.month}&top=${options.honourSize}`;
}

export function bulletinPdfName(cityName: string, options: BulletinPrintOptions): string {
  return `${cityName}重点项目建设月度通报（${options.year}年${options.month}月）.pdf`;
}
