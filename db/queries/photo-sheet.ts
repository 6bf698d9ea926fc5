import { ATTACHMENT_OWNER_KINDS } from '../model/attachments';
import type { PhotoSheetProject } from '../model/photo-sheet';
import { idsOfJson } from '../dialect';
import { weekCode } from '../dispatch-format';
import { sql, sqlFragment } from '../sql';
import type { Store } from '../store/store';
import { withOwnerLabels, type StoredAttachment } from './attachments';

// The photos a 现场照片 sheet holds (issue #17): live images only, read in one statement per question.

const SELECT_PHOTO = sqlFragment`SELECT a.id, a.owner_kind AS "ownerKind", a.owner_id AS "ownerId",
       a.project_id AS "projectId", a.sha256, a.file_name AS "fileName", a.size_bytes AS "sizeBytes",
       a.mime_type AS "mimeType", a.file_kind AS "fileKind", a.caption, a.created_at AS "createdAt",
       a.created_by AS "createdBy", a.deleted_at AS "deletedAt", a.deleted_by AS "deletedBy"
  FROM attachments a`;

interface ProjectName {
  id: number;
  code: string;
  name: string;
}

/** The projects' codes and names, in the order asked; ids of no project are left out. */
export async function projectNames(store: Store, ids: readonly number[]): Promise<ProjectName[]> {
  if (!ids.length) return [];
  const rows = await store.all<ProjectName>(
    sql`SELECT id, code, name FROM projects WHERE id IN (${idsOfJson(store.dialect, ids)})`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The photos of the projects: with `week`, those on that week's entries only; without it, every live photo of the
 * projects (the project's own, its checklist items', problems' and entries'). `projectIds` undefined: the
 * projects that have photos on the week's entries. Each project's photos by owner (项目, 前期手续, 问题, 周调度),
 * then in the order they came.
 */
export async function sheetPhotos(
  store: Store,
  projectIds: readonly number[] | undefined,
  week: string | undefined,
): Promise<Map<number, PhotoSheetProject['photos']>> {
  const live = sqlFragment`a.deleted_at IS NULL AND a.file_kind = 'image'`;
  const ofProjects = projectIds
    ? sqlFragment`AND a.project_id IN (${idsOfJson(store.dialect, projectIds)})`
    : sqlFragment``;
  const rows = week
    ? await store.all<StoredAttachment>(
        sql`${SELECT_PHOTO} JOIN dispatch_rows d ON d.id = a.owner_id
            WHERE a.owner_kind = 'entry' AND d.week = ${weekCode(week)} AND ${live} ${ofProjects}
            ORDER BY a.project_id, a.id`,
      )
    : projectIds?.length
      ? await store.all<StoredAttachment>(sql`${SELECT_PHOTO} WHERE ${live} ${ofProjects} ORDER BY a.project_id, a.id`)
      : [];
  const labelled = await withOwnerLabels(store, rows);
  const rank = (kind: string) => ATTACHMENT_OWNER_KINDS.indexOf(kind as (typeof ATTACHMENT_OWNER_KINDS)[number]);
  labelled.sort((a, b) => a.projectId - b.projectId || rank(a.ownerKind) - rank(b.ownerKind) || a.id - b.id);
  const byProject = new Map<number, PhotoSheetProject['photos']>();
  for (const photo of labelled) {
    const photos = byProject.get(photo.projectId) ?? [];
    photos.push({
      id: photo.id,
      caption: photo.caption,
      fileName: photo.fileName,
      ownerLabel: photo.ownerLabel,
      createdAt: photo.createdAt,
      createdBy: photo.createdBy,
    });
    byProject.set(photo.projectId, photos);
  }
  return byProject;
}
