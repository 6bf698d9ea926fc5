import { ATTACHMENT_REFS } from '../attachment-refs';
import type { AttachmentFileRef } from '../model/attachment-backup';
import { sql } from '../sql';
import type { Store } from '../store/store';

// The live library's attachment rows as the backups see them (issue #17): the deleted ones the monthly rotation
// may purge (the purge itself: attachments.ts's dropAttachmentRows).

/** The deleted rows, with their projects' names. */
export async function deletedAttachmentRefs(store: Store): Promise<AttachmentFileRef[]> {
  return store.all<AttachmentFileRef>(sql`${ATTACHMENT_REFS} WHERE a.deleted_at IS NOT NULL ORDER BY a.id`);
}
