import { DEFAULT_PHOTOS_PER_PAGE, PHOTOS_PER_PAGE_CHOICES, type PhotosPerPage } from '../../db/model/photo-sheet';
import { parseWeek } from '../../db/model/weeks';

// The 现场照片 route: /print/photos?projects=12,30 (those projects, every photo), /print/photos?week=2026-W48 (the
// meeting's projects, the photos of that week's entries), both together, and per=2|4 photos a page.

export interface PhotoSheetChoice {
  projectIds: number[];
  week: string | null;
  perPage: PhotosPerPage;
}

/** The route's choice; ids that are not whole numbers, a week that does not exist, another count are ignored. */
export function readPhotoSheetChoice(search: string): PhotoSheetChoice {
  const query = new URLSearchParams(search);
  const projectIds: number[] = [];
  for (const part of (query.get('projects') ?? '').split(',')) {
    const id = /^\s*(\d{1,9})\s*$/.exec(part);
    if (id && Number(id[1]) > 0 && !projectIds.includes(Number(id[1]))) projectIds.push(Number(id[1]));
  }
  const week = query.get('week');
  const per = Number(query.get('per'));
  return {
    projectIds,
    week: week && parseWeek(week) ? week : null,
    perPage: PHOTOS_PER_PAGE_CHOICES.find((choice) => choice === per) ?? DEFAULT_PHOTOS_PER_PAGE,
  };
}

export function photoSheetRoute(choice: { projectIds?: readonly number[]; week?: string | null; perPage?: number }) {
  const query = new URLSearchParams();
  if (choice.projectIds?.length) query.set('projects', choice.projectIds.join(','));
  if (choice.week) query.set('week', choice.week);
  if (choice.perPage && choice.perPage !== DEFAULT_PHOTOS_PER_PAGE) query.set('per', String(choice.perPage));
  // commas stay readable in the route (the print route's pattern takes them as they are)
  return `/print/photos?${query.toString().replace(/%2C/g, ',')}`;
}

/** 现场照片-湘乡市某项目.pdf for one project, 现场照片-2026年第48周.pdf for a meeting. */
export function photoSheetPdfName(choice: { week: string | null }, projectNames: readonly string[]): string {
  const week = choice.week ? parseWeek(choice.week) : null;
  if (week) return `现场照片-${week.year}年第${week.week}周.pdf`;
  if (projectNames.length === 1) return `现场照片-${projectNames[0]}.pdf`;
  return `现场照片（${projectNames.length}个项目）.pdf`;
}
