import { AttachmentButton } from '../../ui/attachments/AttachmentButton';

/**
 * A 前期手续 item's attachments (批复 scans, issue #17: ownerKind 'approval', ownerId the item's id): the count and
 * the item's files in a dialog. An unsaved item has no id to attach to yet.
 */
export function ApprovalAttachmentSlot({ itemId, name }: { itemId: number | undefined; name: string }) {
  if (itemId === undefined) return <span className="zd-faint" title="保存后可添加附件" />;
  return <AttachmentButton ownerKind="approval" ownerId={itemId} title={name.trim() || '前期手续'} />;
}
