import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Modal } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DISPATCH_FIELDS, type DispatchWeekView } from '../../../db/model/dispatch';
import { useMayCall } from '../../app/session/session';
import { useApi } from '../../hooks/use-api';
import { AttachmentList } from '../../ui/attachments/AttachmentList';
import { isCopied, isDirty, type EntryStore } from './entry-store';
import { copiedLabel } from './EntryStatus';

// 现场照片 on a weekly entry (本周调度 row). A photo hangs on the week's stored entry: a row that only shows last
// week's copied text, or text not yet saved, is saved first, so the clerk's words are never lost to a photo.

export interface EntryPhotos {
  /** photos on the row's entry this week (0 when none, or not read yet) */
  countOf(projectId: number): number;
  mayAdd: boolean;
  open(projectId: number): void;
}

const EntryPhotosContext = createContext<EntryPhotos | null>(null);

export const useEntryPhotos = () => useContext(EntryPhotosContext);

interface Opened {
  entryId: number;
  name: string;
}

/** The week's photo counts for the rows, and the one dialog the rows open. */
export function EntryPhotosProvider(props: { view: DispatchWeekView; store: EntryStore; children: ReactNode }) {
  const { view, store, children } = props;
  const { modal, message } = App.useApp();
  const mayCall = useMayCall();
  const mayAdd = mayCall('attachments.add') && mayCall('dispatch.saveEntry');
  const sheet = useApi(
    'attachments.photoSheet',
    { week: view.week.key },
    { enabled: mayCall('attachments.photoSheet') },
  );
  const [opened, setOpened] = useState<Opened | null>(null);
  const reloadSheet = sheet.reload;

  const counts = useMemo(
    () => new Map((sheet.data?.projects ?? []).map((p) => [p.projectId, p.photos.length])),
    [sheet.data],
  );

  const open = useCallback(
    async (projectId: number) => {
      const state = store.get(projectId);
      const { row } = state;
      if (row.entryId !== null) return setOpened({ entryId: row.entryId, name: row.name });
      if (!mayAdd) return;
      const unsaved = DISPATCH_FIELDS.some((field) => isDirty(state, field));
      const copied = isCopied(row) ? row.copiedFromWeek : null;
      if (!unsaved && !copied) {
        message.warning(`请先填写“${row.name}”的本周进展，再添加现场照片`);
        return;
      }
      const saveFirst = async () => {
        // the clerk's own text if typed, else last week's as shown: either way this week's entry is reported
        await (unsaved ? store.flush(projectId) : store.confirm(projectId));
        const saved = store.get(projectId);
        if (saved.row.entryId !== null) setOpened({ entryId: saved.row.entryId, name: saved.row.name });
        else if (saved.save.kind === 'failed') message.error(`未能保存本周内容：${saved.save.message}`);
      };
      if (unsaved) return saveFirst();
      modal.confirm({
        title: '先确认本周内容？',
        content: `“${row.name}”本周尚未报送（显示的是${copiedLabel(copied ?? '', view.week.key)}的内容）。照片挂在${view.label}的填报上：将先按显示的内容确认报送，之后仍可修改文字。`,
        okText: '确认并添加照片',
        cancelText: '取消',
        onOk: saveFirst,
      });
    },
    [store, mayAdd, message, modal, view.week.key, view.label],
  );

  const value = useMemo<EntryPhotos>(
    () => ({ countOf: (id) => counts.get(id) ?? 0, mayAdd, open: (id) => void open(id) }),
    [counts, mayAdd, open],
  );

  return (
    <EntryPhotosContext.Provider value={value}>
      {children}
      <Modal
        open={opened !== null}
        onCancel={() => setOpened(null)}
        footer={null}
        width={760}
        destroyOnHidden
        title={opened ? `现场照片 · ${opened.name} · 第${view.week.week}周` : '现场照片'}
      >
        {opened && (
          <AttachmentList
            ownerKind="entry"
            ownerId={opened.entryId}
            photosOnly
            emptyText="本周暂无现场照片"
            onChanged={() => void reloadSheet()}
          />
        )}
      </Modal>
    </EntryPhotosContext.Provider>
  );
}

/** The row's 照片 link: the count when there are some; a camera to add the first one. */
export function EntryPhotosLink({ projectId, name }: { projectId: number; name: string }) {
  const photos = useEntryPhotos();
  if (!photos) return null;
  const count = photos.countOf(projectId);
  if (!count && !photos.mayAdd) return null;
  return (
    <Button
      type="link"
      size="small"
      className="entries-photos"
      icon={<CameraOutlined />}
      onClick={() => photos.open(projectId)}
      aria-label={count ? `“${name}”本周现场照片（${count}张）` : `为“${name}”添加本周现场照片`}
      title={count ? `本周现场照片${count}张` : '添加现场照片'}
    >
      {count ? <span className="num">{count}</span> : null}
    </Button>
  );
}
