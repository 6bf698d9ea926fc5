import { z } from 'zod';
import type { PhotoSheet } from '../../db/model/photo-sheet';
import { recordId } from '../../db/model/validation';
import { method, weekKey } from './spec-shared';

// Issue #17: the printable 现场照片 sheet. Which photos it holds; the paper route (renderer/print/PhotoSheetPrint)
// loads each one's large preview with attachments.preview.

/** A meeting's sheet may name every project of the week; more than this is not a sheet anyone prints. */
export const PHOTO_SHEET_MAX_PROJECTS = 500;

export const photoSheetSpec = {
  /**
   * `projectIds`: those projects, every live photo of theirs (project, checklist items, problems, weekly entries);
   * `week`: the photos of that week's entries, of the projects that have some (or of `projectIds` only).
   */
  'attachments.photoSheet': method<PhotoSheet>()(
    z
      .object({
        projectIds: z
          .array(recordId('项目'), { error: '所选项目格式不正确' })
          .min(1, { error: '请先选择项目' })
          .max(PHOTO_SHEET_MAX_PROJECTS, { error: `一次最多打印${PHOTO_SHEET_MAX_PROJECTS}个项目的现场照片` })
          .optional(),
        week: weekKey.optional(),
      })
      .strict()
      .refine((input) => input.projectIds !== undefined || input.week !== undefined, {
        error: '请选择项目或调度周',
      }),
  ),
};
