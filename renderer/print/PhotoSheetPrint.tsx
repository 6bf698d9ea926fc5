import { Alert } from 'antd';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useSearch } from 'wouter';
import { formatChineseDate } from '../../db/model/dates';
import {
  photoCaption,
  photoColumns,
  photoCount,
  photoPages,
  photoSource,
  type PhotoSheet,
  type PhotoSheetPhoto,
} from '../../db/model/photo-sheet';
import { parseWeek } from '../../db/model/weeks';
import { invoke } from '../api';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { colors } from '../ui/tokens';
import { photoSheetPdfName, readPhotoSheetChoice } from './photo-sheet-route';
import { useDocumentTitle, usePrintReadySignal } from './print-ready';
import './paper.css';
import './photo-sheet.css';

/** A4 portrait in millimetres; the left margin is wider for binding, the bottom one holds the page numbers. */
export const PHOTO_PAPER_MM = { width: 210, height: 297 };
const m = { top: 14, right: 14, bottom: 16, left: 18 };
/** Each page's box, just under the printable height, so a page can never spill onto the next. */
export const PHOTO_PAGE_MM = {
  width: PHOTO_PAPER_MM.width - m.left - m.right,
  height: PHOTO_PAPER_MM.height - m.top - m.bottom - 1,
};

// @page cannot be scoped to one element, so the sheet states its own while it is on screen.
const PAGE_RULE = `@page {
  size: A4 portrait;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: "SimSun", "FangSong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif;
    font-size: 9pt;
    color: ${colors.ink};
  }
}`;

/** Heights in mm of the parts of a row, and of the title block on the first page (a little to spare). */
const ROW_MM = { padding: 2, heading: 7, caption: 15, title: 20 };

/**
 * How tall a photo may be: half the page (less the title on the first) less its row's heading and caption, so
 * the photo stands right under the heading with its caption under it, whatever its shape.
 */
function photoBox(first: boolean): CSSProperties {
  const row = (PHOTO_PAGE_MM.height - (first ? ROW_MM.title : 0)) / 2;
  const photo = row - ROW_MM.padding - ROW_MM.heading - ROW_MM.caption;
  return { '--photo-max-height': `${photo.toFixed(1)}mm` } as CSSProperties;
}

type Preview = { src: string } | { missing: string };

/**
 * The photos' large previews, decoded before they are drawn: the sheet says it is ready only once every photo
 * is on it. A photo that cannot be read prints as a box saying so, not as a hole.
 */
function usePreviews(photos: readonly PhotoSheetPhoto[] | undefined): Map<number, Preview> | undefined {
  const key = photos?.map((p) => p.id).join(',');
  const [loaded, setLoaded] = useState<{ key: string; previews: Map<number, Preview> }>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    const ids = key ? key.split(',').map(Number) : [];
    void (async () => {
      const previews = new Map<number, Preview>();
      // one at a time: a meeting's sheet may hold a hundred photos, each a large JPEG
      for (const id of ids) {
        if (!current) return;
        previews.set(id, await loadPreview(id));
      }
      if (current) setLoaded({ key, previews });
    })();
    return () => {
      current = false;
    };
  }, [key]);
  return loaded && loaded.key === key ? loaded.previews : undefined;
}

async function loadPreview(id: number): Promise<Preview> {
  try {
    const preview = await invoke('attachments.preview', { id });
    if (!preview) return { missing: '此文件不是照片' };
    const src = `data:${preview.mimeType};base64,${preview.contentBase64}`;
    const image = new Image();
    image.src = src;
    await image.decode();
    return { src };
  } catch (error) {
    return { missing: `照片无法读取：${(error as Error).message}` };
  }
}

/** What the sheet covers, under its title. */
function scopeText(sheet: PhotoSheet): string {
  const week = sheet.week ? parseWeek(sheet.week) : null;
  const count = `${sheet.projects.length}个项目，${photoCount(sheet)}张照片`;
  if (week) return `${week.year}年第${week.week}周调度会（${count}）`;
  if (sheet.projects.length === 1)
    return `${sheet.projects[0].code} ${sheet.projects[0].name}（${photoCount(sheet)}张照片）`;
  return count;
}

/** 现场照片 on paper: /print/photos?projects=30 or ?week=2026-W48, 4 (or per=2) photos a page with captions. */
export function PhotoSheetPrint() {
  const search = useSearch();
  const { status } = useAppStatus();
  const choice = useMemo(() => readPhotoSheetChoice(search), [search]);
  const query = useApi('attachments.photoSheet', {
    projectIds: choice.projectIds.length ? choice.projectIds : undefined,
    week: choice.week ?? undefined,
  });
  const sheet = query.loading ? undefined : query.data;
  const photos = useMemo(() => sheet?.projects.flatMap((p) => p.photos), [sheet]);
  const previews = usePreviews(photos);
  const pages = useMemo(() => (sheet ? photoPages(sheet, choice.perPage) : undefined), [sheet, choice.perPage]);
  const empty = sheet && pages && pages.length === 0;
  const failed = query.error && !query.loading ? query.error.message : empty ? '所选范围内没有现场照片' : '';
  usePrintReadySignal(failed ? { error: failed } : sheet && previews ? 'ready' : 'loading');
  useDocumentTitle(
    photoSheetPdfName(
      choice,
      (sheet?.projects ?? []).map((p) => p.name),
    ).replace(/\.pdf$/, ''),
  );

  if (failed) {
    return (
      <div className="paper-screen">
        <Alert className="paper-message" type="error" showIcon title="无法生成现场照片" description={failed} />
      </div>
    );
  }
  const columns = photoColumns(choice.perPage);
  return (
    <div className="paper-screen">
      <style>{PAGE_RULE}</style>
      {sheet &&
        previews &&
        pages?.map((page, index) => (
          <div
            key={index}
            className="paper-sheet photo-sheet"
            style={{
              width: `${PHOTO_PAPER_MM.width}mm`,
              height: `${PHOTO_PAPER_MM.height}mm`,
              padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`,
            }}
          >
            <section
              className={`paper photo-page photo-per-${choice.perPage}`}
              aria-label={`现场照片第${index + 1}页`}
              style={{ height: `${PHOTO_PAGE_MM.height}mm`, ...photoBox(index === 0) }}
            >
              {index === 0 && (
                <header className="photo-head">
                  <h1 className="paper-title">重点项目现场照片</h1>
                  <div className="photo-subhead">
                    <span>{scopeText(sheet)}</span>
                    <span>
                      {sheet.cityName}重点项目办{'\u3000'}
                      {formatChineseDate(status.today)}
                    </span>
                  </div>
                </header>
              )}
              <div className="photo-rows">
                {page.rows.map((row, r) => (
                  <div key={r} className="photo-row">
                    <div className="photo-project">
                      {row.heading && (
                        <>
                          <span className="photo-project-code">{row.project.code}</span>
                          <span className="photo-project-name">{row.project.name}</span>
                          {row.continued && <span>（续）</span>}
                        </>
                      )}
                    </div>
                    <div className="photo-grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                      {row.photos.map((photo) => (
                        <PhotoCell key={photo.id} photo={photo} preview={previews.get(photo.id)} />
                      ))}
                    </div>
                  </div>
                ))}
              </div>
              {index === pages.length - 1 && sheet.withoutPhotos.length > 0 && (
                <p className="photo-without">暂无现场照片的项目：{sheet.withoutPhotos.join('、')}</p>
              )}
            </section>
          </div>
        ))}
    </div>
  );
}

function PhotoCell({ photo, preview }: { photo: PhotoSheetPhoto; preview: Preview | undefined }) {
  const caption = photoCaption(photo);
  return (
    <figure className="photo-cell">
      <div className="photo-frame">
        {preview && 'src' in preview ? (
          <img src={preview.src} alt={caption} />
        ) : (
          <span className="photo-missing">{preview?.missing ?? '照片无法读取'}</span>
        )}
      </div>
      <figcaption>
        <div className="photo-caption">{caption}</div>
        <div className="photo-source">{photoSource(photo)}</div>
      </figcaption>
    </figure>
  );
}
