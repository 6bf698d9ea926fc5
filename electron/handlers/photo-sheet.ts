import { AppError } from '../../db/errors';
import type { PhotoSheet } from '../../db/model/photo-sheet';
import { projectNames, sheetPhotos } from '../../db/queries/photo-sheet';
import { getSetting } from '../../db/queries/settings';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { weekFor } from './dispatch';

export const photoSheetHandlers = {
  'attachments.photoSheet': async (
    ctx: AppContext,
    input: ParsedInput<'attachments.photoSheet'>,
  ): Promise<PhotoSheet> => {
    const week = input.week === undefined ? null : weekFor(ctx, input.week).key;
    return ctx.store.snapshot(async () => {
      const cityName = (await getSetting(ctx.store, 'cityName')) ?? '';
      const asked = input.projectIds ? [...new Set(input.projectIds)] : undefined;
      if (asked) {
        const known = await projectNames(ctx.store, asked);
        if (known.length < asked.length) {
          throw new AppError('not_found', '所选项目中有找不到的项目，可能已被删除', 'projectIds');
        }
      }
      const photos = await sheetPhotos(ctx.store, asked, week ?? undefined);
      const projects = await projectNames(ctx.store, asked ?? [...photos.keys()]);
      // a meeting's projects by code, as the dispatch list orders them; a chosen list as chosen
      if (!asked) projects.sort((a, b) => a.code.localeCompare(b.code, 'zh-CN'));
      return {
        cityName,
        week,
        projects: projects
          .filter((p) => photos.has(p.id))
          .map((p) => ({ projectId: p.id, code: p.code, name: p.name, photos: photos.get(p.id)! })),
        withoutPhotos: projects.filter((p) => !photos.has(p.id)).map((p) => p.name),
      };
    });
  },
};
