/**
 * Where a 前期手续 item's attachments (批复 scans) show: the attachment count and button come from attach-ui
 * (issue #17, attachments with ownerKind 'approval' and ownerId the item's id). Until then the cell says there
 * are none to show; an unsaved item has no id to attach to.
 */
export function ApprovalAttachmentSlot({ itemId }: { itemId: number | undefined }) {
  return <span className="zd-faint">{itemId === undefined ? '' : '—'}</span>;
}
