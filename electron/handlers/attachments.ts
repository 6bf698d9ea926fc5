import { AppError } from '../../db/errors';
import {
  attachmentLimitsOf,
  convertedFileName,
  fileNameProblem,
  fileTooLargeMessage,
  projectLimitMessage,
  sniffAttachment,
  type AttachmentInfo,
  type AttachmentLimits,
  type AttachmentOwnerKind,
} from '../../db/model/attachments';
import {
  attachmentAuditSubject,
  attachmentOwner,
  getStoredAttachment,
  insertAttachment,
  liveProjectBytes,
  markAttachmentDeleted,
  ownerAttachments,
  projectAttachments,
  updateAttachmentCaption,
  withOwnerLabels,
  type StoredAttachment,
} from '../../db/queries/attachments';
import { getSetting } from '../../db/queries/settings';
import type { ParsedInput } from '../api-spec';
import type { AppContext } from '../services/app-context';
import { makeDerivedImagesOffThread } from '../services/attachments/derive-off-thread';
import { derivedImage, readAttachmentFile, writeAttachmentFile } from '../services/attachments/file-store';
import { heicToJpeg } from '../services/attachments/heic';
import { PREVIEW_LONG_SIDE, THUMBNAIL_LONG_SIDE } from '../services/attachments/images';
import { refuseIfChanged } from '../services/record-versions';
import { writeMeta } from '../services/session';

/** Attachments' writes only read and write the library (the file is written before): PostgreSQL may run them again. */
const IDEMPOTENT = { idempotent: true };

const OWNER_MISSING: Record<AttachmentOwnerKind, string> = {
  project: '找不到该项目，可能已被删除，附件未上传',
  approval: '找不到该前期手续事项，可能已被删除，附件未上传',
  problem: '找不到该问题，可能已被删除，附件未上传',
  entry: '找不到该周调度记录，请先保存本周调度，再上传现场照片',
};

export async function attachmentLimits(ctx: AppContext): Promise<AttachmentLimits> {
  return attachmentLimitsOf(await getSetting(ctx.store, 'attachmentLimits'));
}

async function ownerOf(ctx: AppContext, kind: AttachmentOwnerKind, id: number) {
  const owner = await attachmentOwner(ctx.store, kind, id);
  if (!owner) throw new AppError('not_found', OWNER_MISSING[kind], 'ownerId');
  return owner;
}

async function storedOf(ctx: AppContext, id: number): Promise<StoredAttachment> {
  const stored = await getStoredAttachment(ctx.store, id);
  if (!stored) throw new AppError('not_found', '找不到该附件，可能已被彻底清除');
  return stored;
}

async function infoOf(ctx: AppContext, id: number): Promise<AttachmentInfo> {
  return ctx.store.snapshot(async () => (await withOwnerLabels(ctx.store, [await storedOf(ctx, id)]))[0]);
}

async function labelOf(ctx: AppContext, stored: StoredAttachment): Promise<string> {
  return (await withOwnerLabels(ctx.store, [stored]))[0].ownerLabel;
}

/** The image's cached thumbnail or preview, made (off the thread) when missing, e.g. after a restore. */
function imageOf(
  ctx: AppContext,
  stored: StoredAttachment,
  size: typeof THUMBNAIL_LONG_SIDE | typeof PREVIEW_LONG_SIDE,
) {
  return derivedImage(ctx.dataDir, stored.sha256, stored.mimeType, size, (bytes) =>
    makeDerivedImagesOffThread(ctx.dataDir, stored.sha256, bytes, stored.mimeType),
  );
}

function refuseOverProjectLimit(liveBytes: number, added: number, limits: AttachmentLimits): void {
  const message = projectLimitMessage(liveBytes, added, limits);
  if (message) throw new AppError('project_limit', message);
}

/** What is kept of an upload: the bytes (a HEIC converted to JPEG), with the name and type they are kept under. */
async function acceptedFile(input: ParsedInput<'attachments.add'>, limits: AttachmentLimits) {
  const nameProblem = fileNameProblem(input.fileName);
  if (nameProblem) throw new AppError('invalid_input', nameProblem, 'fileName');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const kind = sniffAttachment(input.fileName, bytes);
  if (!kind.ok) throw new AppError(kind.code, kind.message, 'contentBase64');
  if (bytes.length > limits.fileMegabytes * 1024 * 1024) {
    throw new AppError('file_too_large', fileTooLargeMessage(input.fileName, bytes.length, limits), 'contentBase64');
  }
  if (kind.convert === 'heic') {
    const jpeg = await heicToJpeg(bytes);
    if (!jpeg) {
      throw new AppError(
        'refused_type',
        `照片“${input.fileName}”是HEIC格式，本程序无法转换。请在手机上将照片导出为JPEG（“兼容性最佳”），或截图后再上传`,
        'contentBase64',
      );
    }
    return {
      bytes: jpeg,
      fileName: convertedFileName(input.fileName),
      mimeType: 'image/jpeg',
      fileKind: kind.fileKind,
    };
  }
  return { bytes, fileName: input.fileName, mimeType: kind.mimeType, fileKind: kind.fileKind };
}

export const attachmentHandlers = {
  'attachments.add': async (ctx: AppContext, input: ParsedInput<'attachments.add'>) => {
    const meta = await writeMeta(ctx);
    const limits = await attachmentLimits(ctx);
    // refused before anything is written: no owner, a file of the wrong kind or too large
    await ownerOf(ctx, input.ownerKind, input.ownerId);
    const file = await acceptedFile(input, limits);
    // the file first, then its row: a row never names a file that is not there. A file whose row is then refused
    // (the project's limit reached meanwhile) stays unnamed until the monthly purge sweeps it.
    const sha256 = writeAttachmentFile(ctx.dataDir, file.bytes);
    const added = await ctx.store.transaction(async () => {
      const owner = await ownerOf(ctx, input.ownerKind, input.ownerId);
      refuseOverProjectLimit(await liveProjectBytes(ctx.store, owner.projectId), file.bytes.length, limits);
      const row = {
        ownerKind: input.ownerKind,
        ownerId: input.ownerId,
        projectId: owner.projectId,
        sha256,
        fileName: file.fileName,
        sizeBytes: file.bytes.length,
        mimeType: file.mimeType,
        fileKind: file.fileKind,
        caption: input.caption ?? '',
      };
      return { id: await insertAttachment(ctx.store, row, owner.label, meta), sha256, projectId: owner.projectId };
    }, IDEMPOTENT);
    // the viewer's thumbnail and the print's preview, made once now while the bytes are at hand
    if (file.fileKind === 'image') await makeDerivedImagesOffThread(ctx.dataDir, sha256, file.bytes, file.mimeType);
    return added;
  },

  'attachments.get': async (ctx: AppContext, input: ParsedInput<'attachments.get'>) => {
    const stored = await storedOf(ctx, input.id);
    const bytes = readAttachmentFile(ctx.dataDir, stored.sha256);
    if (!bytes) {
      throw new AppError(
        'file_missing',
        `附件“${stored.fileName}”的文件在数据文件夹中找不到（可能恢复备份时缺失），请从含附件的备份恢复或重新上传`,
      );
    }
    return {
      id: stored.id,
      fileName: stored.fileName,
      mimeType: stored.mimeType,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      contentBase64: bytes.toString('base64'),
    };
  },

  'attachments.list': async (ctx: AppContext, input: ParsedInput<'attachments.list'>) =>
    ctx.store.snapshot(async () =>
      withOwnerLabels(ctx.store, await ownerAttachments(ctx.store, input.ownerKind, input.ownerId)),
    ),

  'attachments.listByProject': async (ctx: AppContext, input: ParsedInput<'attachments.listByProject'>) =>
    ctx.store.snapshot(async () =>
      withOwnerLabels(ctx.store, await projectAttachments(ctx.store, input.projectId, input.includeDeleted ?? false)),
    ),

  'attachments.thumbnail': async (ctx: AppContext, input: ParsedInput<'attachments.thumbnail'>) => {
    const stored = await storedOf(ctx, input.id);
    if (stored.fileKind !== 'image') return null;
    const jpeg = await imageOf(ctx, stored, THUMBNAIL_LONG_SIDE);
    return jpeg ? { contentBase64: jpeg.toString('base64'), mimeType: 'image/jpeg' as const } : null;
  },

  'attachments.preview': async (ctx: AppContext, input: ParsedInput<'attachments.preview'>) => {
    const stored = await storedOf(ctx, input.id);
    if (stored.fileKind !== 'image') return null;
    const jpeg = await imageOf(ctx, stored, PREVIEW_LONG_SIDE);
    return jpeg ? { contentBase64: jpeg.toString('base64'), mimeType: 'image/jpeg' as const } : null;
  },

  'attachments.setCaption': async (ctx: AppContext, input: ParsedInput<'attachments.setCaption'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(async () => {
      const stored = await storedOf(ctx, input.id);
      await refuseIfChanged(ctx, input.version, stored.version, attachmentAuditSubject(stored));
      if (stored.deletedAt) throw new AppError('stage_rule', '已删除的附件不能修改说明，请先恢复');
      if (stored.caption === input.caption) return;
      await updateAttachmentCaption(ctx.store, stored, input.caption, meta);
    }, IDEMPOTENT);
    return infoOf(ctx, input.id);
  },

  'attachments.remove': async (ctx: AppContext, input: ParsedInput<'attachments.remove'>) => {
    const meta = await writeMeta(ctx);
    await ctx.store.transaction(async () => {
      const stored = await storedOf(ctx, input.id);
      await refuseIfChanged(ctx, input.version, stored.version, attachmentAuditSubject(stored));
      if (stored.deletedAt) throw new AppError('stage_rule', `附件“${stored.fileName}”已删除`);
      await markAttachmentDeleted(ctx.store, stored, true, await labelOf(ctx, stored), meta);
    }, IDEMPOTENT);
    return infoOf(ctx, input.id);
  },

  'attachments.restore': async (ctx: AppContext, input: ParsedInput<'attachments.restore'>) => {
    const meta = await writeMeta(ctx);
    const limits = await attachmentLimits(ctx);
    await ctx.store.transaction(async () => {
      const stored = await storedOf(ctx, input.id);
      await refuseIfChanged(ctx, input.version, stored.version, attachmentAuditSubject(stored));
      if (!stored.deletedAt) throw new AppError('stage_rule', `附件“${stored.fileName}”未被删除，无需恢复`);
      refuseOverProjectLimit(await liveProjectBytes(ctx.store, stored.projectId), stored.sizeBytes, limits);
      await markAttachmentDeleted(ctx.store, stored, false, await labelOf(ctx, stored), meta);
    }, IDEMPOTENT);
    return infoOf(ctx, input.id);
  },
};
