// 现场照片 on paper: which photos a sheet holds, and how they fall onto A4 pages. Pure: the renderer lays the pages
// out with it, and the tests check the same pages without a browser.

/** One photo as the sheet captions it. */
export interface PhotoSheetPhoto {
  /** the attachment: the page loads its large preview with attachments.preview */
  id: number;
  caption: string;
  fileName: string;
  /** where it hangs: “项目”, “2026年第48周调度”, “问题 WT-2026-003”, a checklist item's name */
  ownerLabel: string;
  /** ISO date-time of the upload */
  createdAt: string;
  createdBy: string;
}

export interface PhotoSheetProject {
  projectId: number;
  code: string;
  name: string;
  photos: PhotoSheetPhoto[];
}

export interface PhotoSheet {
  cityName: string;
  /** the dispatch week the photos were taken from (a meeting's sheet), or null: everything of the projects */
  week: string | null;
  /** projects with photos, in the order asked (by code for a week) */
  projects: PhotoSheetProject[];
  /** projects asked for that have no photo, by name: the sheet says so rather than leaving them out silently */
  withoutPhotos: string[];
}

/** Photos on one A4 page: 4 in a 2×2 grid, or 2 larger ones one above the other. */
export const PHOTOS_PER_PAGE_CHOICES = [4, 2] as const;
export type PhotosPerPage = (typeof PHOTOS_PER_PAGE_CHOICES)[number];
export const DEFAULT_PHOTOS_PER_PAGE: PhotosPerPage = 4;

/** Two rows of photos on every page, whatever the count per page. */
export const PHOTO_ROWS_PER_PAGE = 2;

export function photoColumns(perPage: PhotosPerPage): number {
  return perPage / PHOTO_ROWS_PER_PAGE;
}

/** A row of photos of one project; `heading` when the row opens its project on the page. */
export interface PhotoRow {
  project: PhotoSheetProject;
  photos: PhotoSheetPhoto[];
  /** the project's name line above the row: its first row on the page */
  heading: boolean;
  /** a row after the project's first one: the heading reads “（续）” */
  continued: boolean;
}

export interface PhotoPage {
  rows: PhotoRow[];
}

/** The sheet's pages: each project's photos in rows, two rows a page; a project carries on onto the next page. */
export function photoPages(sheet: Pick<PhotoSheet, 'projects'>, perPage: PhotosPerPage): PhotoPage[] {
  const columns = photoColumns(perPage);
  const rows: Omit<PhotoRow, 'heading'>[] = [];
  for (const project of sheet.projects) {
    for (let at = 0; at < project.photos.length; at += columns) {
      rows.push({ project, photos: project.photos.slice(at, at + columns), continued: at > 0 });
    }
  }
  const pages: PhotoPage[] = [];
  for (let at = 0; at < rows.length; at += PHOTO_ROWS_PER_PAGE) {
    const onPage = rows.slice(at, at + PHOTO_ROWS_PER_PAGE);
    pages.push({
      rows: onPage.map((row, i) => ({ ...row, heading: i === 0 || onPage[i - 1].project !== row.project })),
    });
  }
  return pages;
}

/** The caption's first line: the clerk's words, else the file's name without its extension. */
export function photoCaption(photo: Pick<PhotoSheetPhoto, 'caption' | 'fileName'>): string {
  const caption = photo.caption.trim();
  if (caption) return caption;
  const dot = photo.fileName.lastIndexOf('.');
  return dot > 0 ? photo.fileName.slice(0, dot) : photo.fileName;
}

/** The caption's second line: where it hangs, the day it came, who brought it. */
export function photoSource(photo: Pick<PhotoSheetPhoto, 'ownerLabel' | 'createdAt' | 'createdBy'>): string {
  return [photo.ownerLabel, photo.createdAt.slice(0, 10), photo.createdBy].filter(Boolean).join(' · ');
}

export function photoCount(sheet: Pick<PhotoSheet, 'projects'>): number {
  return sheet.projects.reduce((sum, p) => sum + p.photos.length, 0);
}
