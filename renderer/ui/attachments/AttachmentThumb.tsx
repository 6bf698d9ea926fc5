import { FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { AttachmentInfo } from '../../../db/model/attachments';
import { thumbnailOf } from './attachment-files';

/** A photo's thumbnail, or the file's kind drawn as an icon (PDF, document, an image the server cannot decode). */
export function AttachmentThumb({ item }: { item: Pick<AttachmentInfo, 'id' | 'fileKind' | 'fileName'> }) {
  const [src, setSrc] = useState<string | null | undefined>(undefined);
  const isImage = item.fileKind === 'image';
  useEffect(() => {
    if (!isImage) return;
    let current = true;
    thumbnailOf(item.id).then(
      (found) => current && setSrc(found),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [item.id, isImage]);
  if (isImage && src) return <img className="att-thumb-img" src={src} alt={item.fileName} draggable={false} />;
  const Icon =
    item.fileKind === 'pdf' ? FilePdfOutlined : item.fileKind === 'document' ? FileWordOutlined : FileOutlined;
  return (
    <span className={`att-thumb-icon att-kind-${item.fileKind}`} aria-hidden>
      {isImage && src === undefined ? null : <Icon />}
    </span>
  );
}
