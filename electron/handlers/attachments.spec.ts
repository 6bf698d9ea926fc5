import { z } from 'zod';
import {
  ATTACHMENT_OWNER_KINDS,
  MAX_ATTACHMENT_BASE64_CHARS,
  MAX_ATTACHMENT_FILE_BYTES,
  type AttachmentAdded,
  type AttachmentContent,
  type AttachmentImage,
  type AttachmentInfo,
} from '../../db/model/attachments';
import { optionalText, recordId, requiredText } from '../../db/model/validation';
import { method, readVersion } from './spec-shared';

// Issue #17: attachments (附件) on a project, a 前期手续 checklist item, a problem and a weekly entry. The files
// live under the data folder, content-addressed by sha256 (electron/services/attachments/); their metadata in
// the table `attachments` (migration 0180). A deletion is soft: the file stays, restorable, until the monthly
// backup rotation purges it.

const ownerKind = z.enum(ATTACHMENT_OWNER_KINDS, { error: '附件所属对象的类别不正确' });
const attachmentId = { id: recordId('附件') };
const caption = optionalText('附件说明', 200);

export const attachmentsSpec = {
  /** one file, judged by its bytes; a HEIC photo is kept as the JPEG it converts to */
  'attachments.add': method<AttachmentAdded>()(
    z
      .object({
        ownerKind,
        ownerId: recordId('附件所属对象'),
        fileName: requiredText('文件名', 255),
        contentBase64: z
          .string({ error: '请选择要上传的文件' })
          .max(MAX_ATTACHMENT_BASE64_CHARS, {
            error: `文件过大，超过每个附件${MAX_ATTACHMENT_FILE_BYTES / 1024 / 1024} MB的上限，未上传`,
          })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容编码不正确，请重新选择文件' }),
        caption: caption.optional(),
      })
      .strict(),
  ),
  /** the stored file, byte for byte (a deleted one too, until it is purged) */
  'attachments.get': method<AttachmentContent>()(z.object(attachmentId).strict()),
  /** the live attachments of one owner, oldest first */
  'attachments.list': method<AttachmentInfo[]>()(z.object({ ownerKind, ownerId: recordId('附件所属对象') }).strict()),
  /** everything on a project and its checklist items, problems and weekly entries, oldest first */
  'attachments.listByProject': method<AttachmentInfo[]>()(
    z
      .object({
        projectId: recordId('项目'),
        includeDeleted: z.boolean({ error: '是否包括已删除的附件应为是或否' }).optional(),
      })
      .strict(),
  ),
  /** a JPEG of at most 240 px on its long side; null for a PDF or document, or an image that cannot be decoded */
  'attachments.thumbnail': method<AttachmentImage | null>()(z.object(attachmentId).strict()),
  /** a JPEG of at most 1600 px on its long side, for the viewer and print; null as for thumbnails */
  'attachments.preview': method<AttachmentImage | null>()(z.object(attachmentId).strict()),
  // `version`: the one the clerk's screen read (AttachmentInfo.version); a write on an older one is refused
  'attachments.setCaption': method<AttachmentInfo>()(
    z.object({ ...attachmentId, caption, version: readVersion }).strict(),
  ),
  /** soft: the row and the file stay, restorable until the monthly backup rotation */
  'attachments.remove': method<AttachmentInfo>()(z.object({ ...attachmentId, version: readVersion }).strict()),
  'attachments.restore': method<AttachmentInfo>()(z.object({ ...attachmentId, version: readVersion }).strict()),
};
