import { CloseOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Progress, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatBytes, type AttachmentInfo } from '../../../db/model/attachments';
import { useMayCall, useSession } from '../../app/session/session';
import { useFileDrop } from '../../components/use-file-drop';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { AttachmentThumb } from './AttachmentThumb';
import { AttachmentViewer } from './AttachmentViewer';
import { downloadAttachment, PHOTO_ACCEPT } from './attachment-files';
import { useAttachmentUpload, type AttachmentOwner, type UploadLine } from './use-attachment-upload';
import './attachments.css';

const UPLOAD_STATE_TEXT: Record<UploadLine['state'], string> = {
  waiting: '等待上传',
  uploading: '正在上传…',
  done: '已上传',
  refused: '未上传',
};

/** What a just-deleted attachment leaves behind: its name and 撤销 until the clerk moves on. */
interface Removed {
  id: number;
  fileName: string;
  /** the version the deletion left, which 撤销 restores from */
  version: number;
}

/** Uploads under way and those refused, with the server's words; a bar for the batch. */
export function UploadLines({ lines, finished, onClear }: { lines: UploadLine[]; finished: number; onClear(): void }) {
  if (!lines.length) return null;
  const busy = lines.some((l) => l.state === 'waiting' || l.state === 'uploading');
  return (
    <div className="att-uploads" aria-label="上传情况" aria-live="polite">
      <div className="att-uploads-head">
        <Progress
          className="att-uploads-bar"
          size="small"
          percent={Math.round((finished / lines.length) * 100)}
          status={lines.some((l) => l.state === 'refused') ? 'exception' : busy ? 'active' : 'success'}
          format={() => `${finished}/${lines.length}`}
        />
        {!busy && (
          <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} aria-label="清除上传情况">
            清除
          </Button>
        )}
      </div>
      <ul className="zd-plain-list">
        {lines.map((line) => (
          <li key={line.key} className={`att-upload is-${line.state}`}>
            <span className="att-upload-name zd-ellipsis">{line.fileName}</span>
            <span className="att-upload-state zd-none">{UPLOAD_STATE_TEXT[line.state]}</span>
            {line.message && <div className="att-upload-message">{line.message}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A caption the clerk edits in place: Enter or leaving the box saves, Esc gives up. */
function CaptionEdit({ item, onSaved, onCancel }: { item: AttachmentInfo; onSaved(): void; onCancel(): void }) {
  const { message } = App.useApp();
  const [text, setText] = useState(item.caption);
  const [saving, setSaving] = useState(false);
  const done = useRef(false);
  const save = async () => {
    if (done.current) return;
    done.current = true;
    if (text.trim() === item.caption) return onCancel();
    setSaving(true);
    try {
      await invoke('attachments.setCaption', { id: item.id, caption: text.trim(), version: item.version });
      onSaved();
    } catch (error) {
      done.current = false;
      setSaving(false);
      message.error((error as Error).message);
    }
  };
  return (
    <Input
      size="small"
      autoFocus
      maxLength={200}
      disabled={saving}
      value={text}
      aria-label={`“${item.fileName}”的说明`}
      placeholder="如：主体结构封顶，东侧"
      onChange={(event) => setText(event.target.value)}
      onPressEnter={() => void save()}
      onBlur={() => void save()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          done.current = true;
          onCancel();
        }
      }}
    />
  );
}

interface AttachmentTileProps {
  item: AttachmentInfo;
  /** the owner's label under the name (the project's list, where attachments come from many owners) */
  showOwner?: boolean;
  onOpen(): void;
  onChanged(): void;
  onRemove?(): void;
  onRestore?(): void;
}

/** One attachment: thumbnail (opens the viewer), caption, name and size, and what the role may do with it. */
export function AttachmentTile({ item, showOwner, onOpen, onChanged, onRemove, onRestore }: AttachmentTileProps) {
  const { message } = App.useApp();
  const mayCall = useMayCall();
  const [editing, setEditing] = useState(false);
  const label = item.caption || item.fileName;
  const deleted = item.deletedAt !== null;
  return (
    <li className={`att-tile${deleted ? ' is-deleted' : ''}`} aria-label={label}>
      <button
        type="button"
        className="att-thumb"
        onClick={onOpen}
        title={`查看“${item.fileName}”`}
        aria-label={`查看“${item.fileName}”`}
      >
        <AttachmentThumb item={item} />
      </button>
      <div className="att-tile-text">
        {editing ? (
          <CaptionEdit
            item={item}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        ) : (
          <div className="att-caption zd-ellipsis" title={label}>
            {item.caption || <span className="zd-hint">{item.fileName}</span>}
          </div>
        )}
        {showOwner && (
          <div className="att-meta zd-hint zd-ellipsis" title={item.ownerLabel}>
            {item.ownerLabel}
          </div>
        )}
        <div className="att-meta zd-hint zd-ellipsis">
          {deleted
            ? `${item.deletedAt?.slice(0, 10) ?? ''} ${item.deletedBy ?? ''} 删除`
            : `${item.createdAt.slice(0, 10)} ${item.createdBy} · ${formatBytes(item.sizeBytes)}`}
        </div>
      </div>
      <div className="att-tile-actions">
        {!deleted && (
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            aria-label={`下载“${item.fileName}”`}
            title="下载"
            onClick={() => void downloadAttachment(item.id).catch((error: Error) => message.error(error.message))}
          />
        )}
        {!deleted && mayCall('attachments.setCaption') && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={`编辑“${item.fileName}”的说明`}
            title="编辑说明"
            onClick={() => setEditing(true)}
          />
        )}
        {!deleted && onRemove && mayCall('attachments.remove') && (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`删除“${item.fileName}”`}
            title="删除"
            onClick={onRemove}
          />
        )}
        {deleted && onRestore && mayCall('attachments.restore') && (
          <Button size="small" onClick={onRestore} aria-label={`恢复“${item.fileName}”`}>
            恢复
          </Button>
        )}
      </div>
    </li>
  );
}

/** Deleting and undoing: the strip that offers 撤销 after a deletion, and the calls behind both. */
export function useRemoveWithUndo(onChanged: () => void) {
  const { message } = App.useApp();
  const [removed, setRemoved] = useState<Removed | null>(null);
  const remove = async (item: AttachmentInfo) => {
    try {
      const gone = await invoke('attachments.remove', { id: item.id, version: item.version });
      setRemoved({ id: item.id, fileName: item.fileName, version: gone.version });
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const restore = async (id: number, version: number) => {
    try {
      await invoke('attachments.restore', { id, version });
      setRemoved((shown) => (shown?.id === id ? null : shown));
      onChanged();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const strip = removed && (
    <Alert
      className="att-removed"
      type="info"
      showIcon
      title={`已删除“${removed.fileName}”`}
      action={
        <Button size="small" onClick={() => void restore(removed.id, removed.version)}>
          撤销
        </Button>
      }
      closable={{ 'aria-label': '关闭删除提示', onClose: () => setRemoved(null) }}
    />
  );
  return { remove, restore, strip };
}

interface UploadZoneProps {
  owner: AttachmentOwner;
  photosOnly?: boolean;
  onUploaded(): void;
}

/** “上传附件…” and a zone to drop files on, with the uploads' progress and refusals under it. */
export function UploadZone({ owner, photosOnly, onUploaded }: UploadZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useAttachmentUpload(owner, { photosOnly, onUploaded });
  const take = (files: FileList | null) => {
    if (files?.length) void upload.upload(Array.from(files));
  };
  const { over, dropProps } = useFileDrop(false, take);
  const noun = photosOnly ? '照片' : '文件';
  return (
    <div className="att-upload-zone">
      <div className={`att-drop${over ? ' is-over' : ''}`} {...dropProps} data-testid="attachment-drop">
        <input
          ref={input}
          type="file"
          multiple
          accept={photosOnly ? PHOTO_ACCEPT : undefined}
          aria-label={photosOnly ? '选择现场照片' : '选择附件文件'}
          className="att-input"
          tabIndex={-1}
          onChange={(event) => {
            take(event.target.files);
            event.target.value = '';
          }}
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()}>
          {photosOnly ? '添加照片…' : '上传附件…'}
        </Button>
        <span className="zd-hint">
          或将{noun}拖到这里。{photosOnly ? 'JPG、PNG、HEIC' : 'PDF、照片、Word/Excel/WPS文档'}
        </span>
      </div>
      <UploadLines lines={upload.lines} finished={upload.finished} onClear={upload.clear} />
    </div>
  );
}

interface AttachmentListProps extends AttachmentOwner {
  /** a weekly entry's: 现场照片 only */
  photosOnly?: boolean;
  /** after an upload, a caption, a deletion or its undo (a count elsewhere may change) */
  onChanged?(items: readonly AttachmentInfo[]): void;
  emptyText?: string;
}

/**
 * The attachments of one owner (a project, a checklist item, a problem, a weekly entry): thumbnails, captions,
 * upload by picking or dropping, delete with 撤销, download; a role that only reads sees and downloads.
 */
export function AttachmentList({ ownerKind, ownerId, photosOnly, onChanged, emptyText }: AttachmentListProps) {
  const mayCall = useMayCall();
  const role = useSession().user?.role;
  // a 责任单位 account adds 现场照片 to its projects' weekly entries only (the server's policy says the same)
  const mayAdd = mayCall('attachments.add') && (ownerKind === 'entry' || role !== 'unit');
  const list = useApi('attachments.list', { ownerKind, ownerId });
  const [viewing, setViewing] = useState<number | null>(null);
  const reloadList = list.reload;
  const changed = useCallback(() => {
    void reloadList();
  }, [reloadList]);
  const { remove, strip } = useRemoveWithUndo(changed);
  const items = list.data ?? [];
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });
  // the owner's count may live in a parent's state: told each time the list is read again
  useEffect(() => {
    if (list.data) onChangedRef.current?.(list.data);
  }, [list.data]);
  return (
    <div className="att-list">
      {mayAdd && <UploadZone owner={{ ownerKind, ownerId }} photosOnly={photosOnly} onUploaded={changed} />}
      {strip}
      {list.error && !list.data && (
        <Alert type="error" showIcon title="附件读取失败" description={list.error.message} />
      )}
      {!list.data && !list.error && <Spin className="zd-spin-block" description="正在读取…" />}
      {list.data && items.length === 0 && <div className="att-empty zd-hint">{emptyText ?? '暂无附件'}</div>}
      {items.length > 0 && (
        <ul className="att-grid zd-plain-list" aria-label={photosOnly ? '现场照片' : '附件'}>
          {items.map((item, index) => (
            <AttachmentTile
              key={item.id}
              item={item}
              onOpen={() => setViewing(index)}
              onChanged={changed}
              onRemove={() => void remove(item)}
            />
          ))}
        </ul>
      )}
      <AttachmentViewer items={items} index={viewing} onIndex={setViewing} onClose={() => setViewing(null)} />
    </div>
  );
}
