import { DownloadOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Modal, Spin } from 'antd';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { ATTACHMENT_FILE_KIND_LABELS, formatBytes, type AttachmentInfo } from '../../../db/model/attachments';
import { invoke, isDesktop } from '../../api';
import { AttachmentThumb } from './AttachmentThumb';
import { downloadAttachment, imageSrc, openAttachmentInTab } from './attachment-files';

interface AttachmentViewerProps {
  items: readonly AttachmentInfo[];
  /** the one shown; null keeps the viewer closed */
  index: number | null;
  onIndex(index: number): void;
  onClose(): void;
}

type Large = { id: number; src: string | null; error?: string };

/** The photo large, or a PDF/document to open or download; ←/→ go through the list, Esc closes. */
export function AttachmentViewer({ items, index, onIndex, onClose }: AttachmentViewerProps) {
  const { message } = App.useApp();
  const item = index !== null ? items[index] : undefined;
  const [large, setLarge] = useState<Large | null>(null);
  const id = item?.id;
  const isImage = item?.fileKind === 'image';
  useEffect(() => {
    if (id === undefined || !isImage) return;
    let current = true;
    invoke('attachments.preview', { id }).then(
      (image) => current && setLarge({ id, src: image ? imageSrc(image) : null }),
      (error: Error) => current && setLarge({ id, src: null, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [id, isImage]);

  if (!item || index === null) return <Modal open={false} footer={null} />;
  const go = (step: number) => {
    const next = index + step;
    if (next >= 0 && next < items.length) onIndex(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'ArrowRight') go(1);
    else return;
    event.preventDefault();
  };
  const download = () => downloadAttachment(item.id).catch((error: Error) => message.error(error.message));
  const shown = large?.id === item.id ? large : null;
  return (
    <Modal
      open
      onCancel={onClose}
      width={960}
      centered
      title={
        <span className="att-viewer-title">
          <span className="zd-ellipsis">{item.fileName}</span>
          <span className="zd-hint zd-none">{item.ownerLabel}</span>
        </span>
      }
      footer={
        <div className="att-viewer-foot">
          <span className="att-viewer-count zd-hint num" aria-live="polite">
            {index + 1} / {items.length}
          </span>
          <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => go(-1)}>
            上一个
          </Button>
          <Button
            icon={<RightOutlined />}
            iconPlacement="end"
            disabled={index === items.length - 1}
            onClick={() => go(1)}
          >
            下一个
          </Button>
          <span className="zd-gap" />
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            下载
          </Button>
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        </div>
      }
    >
      <div
        className="att-viewer"
        role="group"
        aria-label="附件查看（←/→ 切换，Esc 关闭）"
        tabIndex={0}
        onKeyDown={onKeyDown}
        ref={(element) => element?.focus()}
      >
        {isImage ? (
          <div className="att-viewer-stage">
            {!shown ? (
              <Spin description="正在读取…" />
            ) : shown.src ? (
              <img className="att-viewer-img" src={shown.src} alt={item.caption || item.fileName} />
            ) : (
              <span className="zd-hint">{shown.error ?? '这张图片无法显示，可下载后查看'}</span>
            )}
          </div>
        ) : (
          <div className="att-viewer-file">
            <AttachmentThumb item={item} />
            <div>
              <div className="zd-strong">{item.fileName}</div>
              <div className="zd-hint">
                {ATTACHMENT_FILE_KIND_LABELS[item.fileKind]}，{formatBytes(item.sizeBytes)}
              </div>
            </div>
            {item.fileKind === 'pdf' && !isDesktop() && (
              <Button
                onClick={() =>
                  void openAttachmentInTab(item.id).then(
                    (opened) => opened || message.error('浏览器阻止了新窗口，请允许本页面打开新窗口，或下载后查看'),
                    (error: Error) => message.error(error.message),
                  )
                }
              >
                在新标签页中打开
              </Button>
            )}
            <Button type="primary" icon={<DownloadOutlined />} onClick={() => void download()}>
              下载
            </Button>
          </div>
        )}
        <div className="att-viewer-caption">
          {item.caption && <div className="zd-long">{item.caption}</div>}
          <div className="zd-hint">
            {item.createdAt.slice(0, 16).replace('T', ' ')} {item.createdBy} 上传，{formatBytes(item.sizeBytes)}
          </div>
        </div>
      </div>
    </Modal>
  );
}
