import { CameraOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AttachmentInfo, AttachmentOwnerKind } from '../../../db/model/attachments';
import { useApi } from '../../hooks/use-api';
import { AttachmentList } from './AttachmentList';

interface AttachmentButtonProps {
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  /** what the dialog is about, for its title: “环评批复”, “某项目 第48周” */
  title: ReactNode;
  /** the count as the table already knows it; without it the button reads the owner's list itself */
  count?: number;
  photosOnly?: boolean;
  /** after anything changed in the dialog, with the owner's attachments now */
  onChanged?(items: readonly AttachmentInfo[]): void;
}

/**
 * A small button for a row of a table (a 前期手续 item, a weekly entry): “附件 3”, and the owner's attachments in
 * a dialog — upload, captions, delete with 撤销, the viewer. E.g. `<AttachmentButton ownerKind="approval"
 * ownerId={item.id} title={item.name} />` in the checklist.
 */
export function AttachmentButton({ ownerKind, ownerId, title, count, photosOnly, onChanged }: AttachmentButtonProps) {
  const [open, setOpen] = useState(false);
  const own = useApi('attachments.list', { ownerKind, ownerId }, { enabled: count === undefined });
  const [seen, setSeen] = useState<number | undefined>(undefined);
  const shown = seen ?? count ?? own.data?.length;
  const noun = photosOnly ? '照片' : '附件';
  return (
    <>
      <Button
        size="small"
        type="link"
        className="att-button"
        icon={photosOnly ? <CameraOutlined /> : <PaperClipOutlined />}
        aria-label={`${noun}（${shown ?? 0}）`}
        onClick={() => setOpen(true)}
      >
        {shown ? <span className="num">{shown}</span> : null}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        width={760}
        destroyOnHidden
        title={
          <>
            {noun} · {title}
          </>
        }
      >
        <AttachmentList
          ownerKind={ownerKind}
          ownerId={ownerId}
          photosOnly={photosOnly}
          emptyText={photosOnly ? '暂无现场照片' : undefined}
          onChanged={(items) => {
            setSeen(items.length);
            onChanged?.(items);
          }}
        />
      </Modal>
    </>
  );
}
