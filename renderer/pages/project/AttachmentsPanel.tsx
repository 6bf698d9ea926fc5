import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import {
  ATTACHMENT_OWNER_KINDS,
  ATTACHMENT_OWNER_KIND_LABELS,
  type AttachmentInfo,
  type AttachmentOwnerKind,
} from '../../../db/model/attachments';
import { useMayCall } from '../../app/session/session';
import { canSavePdf, printRoute, saveRouteAsPdf } from '../../desktop-bridge';
import { useApi } from '../../hooks/use-api';
import { photoSheetPdfName, photoSheetRoute } from '../../print/photo-sheet-route';
import { AttachmentTile, UploadZone, useRemoveWithUndo } from '../../ui/attachments/AttachmentList';
import { AttachmentViewer } from '../../ui/attachments/AttachmentViewer';
import '../../ui/attachments/attachments.css';

interface Group {
  kind: AttachmentOwnerKind;
  items: AttachmentInfo[];
}

/** The project's live attachments by owner (项目, 前期手续, 问题, 周调度), each group oldest first. */
export function groupByOwner(items: readonly AttachmentInfo[]): Group[] {
  return ATTACHMENT_OWNER_KINDS.map((kind) => ({ kind, items: items.filter((a) => a.ownerKind === kind) })).filter(
    (group) => group.items.length > 0,
  );
}

/**
 * 附件 on the project page: everything of the project and of its checklist items, problems and weekly entries,
 * in groups; the viewer goes through them in that order. Deleted ones wait under 已删除 with 恢复 until the
 * monthly backup rotation purges them.
 */
export function AttachmentsPanel(props: { projectId: number; projectName: string; onChanged?(): void }) {
  const { projectId, projectName, onChanged } = props;
  const { message } = App.useApp();
  const mayCall = useMayCall();
  const list = useApi('attachments.listByProject', { projectId, includeDeleted: true });
  const [viewing, setViewing] = useState<number | null>(null);
  const [viewingDeleted, setViewingDeleted] = useState<number | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const reloadList = list.reload;
  const changed = useCallback(() => {
    void reloadList();
    onChanged?.();
  }, [reloadList, onChanged]);
  const { remove, restore, strip } = useRemoveWithUndo(changed);
  const all = useMemo(() => list.data ?? [], [list.data]);
  const groups = useMemo(() => groupByOwner(all.filter((a) => a.deletedAt === null)), [all]);
  const live = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const deleted = all.filter((a) => a.deletedAt !== null);
  const photos = live.filter((a) => a.fileKind === 'image').length;

  const print = async (what: 'print' | 'pdf') => {
    const route = photoSheetRoute({ projectIds: [projectId] });
    try {
      if (what === 'print') {
        if ((await printRoute(route)) === true) message.success('已发送到打印机');
      } else {
        const filePath = await saveRouteAsPdf(route, photoSheetPdfName({ week: null }, [projectName]));
        if (filePath) message.success(`已保存：${filePath}`);
      }
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return (
    <section className="zd-panel pd-panel" aria-label="附件">
      <h3 className="zd-panel-title">
        附件
        <span className="zd-panel-note">
          {list.data ? `${live.length}个，其中照片${photos}张` : ''}
          {mayCall('attachments.photoSheet') && (
            <Button
              size="small"
              type="link"
              icon={<PrinterOutlined />}
              disabled={photos === 0}
              onClick={() => void print('print')}
            >
              打印现场照片
            </Button>
          )}
          {mayCall('attachments.photoSheet') && canSavePdf() && (
            <Button
              size="small"
              type="link"
              icon={<FilePdfOutlined />}
              disabled={photos === 0}
              onClick={() => void print('pdf')}
            >
              保存为PDF
            </Button>
          )}
        </span>
      </h3>
      <div className="att-list">
        {mayCall('attachments.add') && (
          <UploadZone owner={{ ownerKind: 'project', ownerId: projectId }} onUploaded={changed} />
        )}
        {strip}
        {list.error && !list.data && (
          <Alert type="error" showIcon title="附件读取失败" description={list.error.message} />
        )}
        {!list.data && !list.error && <Spin className="zd-spin-block" description="正在读取…" />}
        {list.data && live.length === 0 && (
          <div className="att-empty zd-hint">
            暂无附件。批复扫描件可传到这里；现场照片在“周调度”的本周填报行添加，问题的附件在问题详情中添加。
          </div>
        )}
        {groups.map((group) => (
          <div key={group.kind} className="att-group">
            <h4 className="att-group-title">
              {ATTACHMENT_OWNER_KIND_LABELS[group.kind]}
              <span className="zd-hint num">{group.items.length}</span>
            </h4>
            <ul className="att-grid zd-plain-list" aria-label={`${ATTACHMENT_OWNER_KIND_LABELS[group.kind]}的附件`}>
              {group.items.map((item) => (
                <AttachmentTile
                  key={item.id}
                  item={item}
                  showOwner={group.kind !== 'project'}
                  onOpen={() => setViewing(live.indexOf(item))}
                  onChanged={changed}
                  onRemove={() => void remove(item)}
                />
              ))}
            </ul>
          </div>
        ))}
        {deleted.length > 0 && (
          <div className="att-group">
            <Button size="small" type="link" className="att-deleted-toggle" onClick={() => setShowDeleted((s) => !s)}>
              已删除（{deleted.length}）{showDeleted ? '收起' : '展开'}
            </Button>
            {showDeleted && (
              <>
                <div className="zd-hint att-deleted-note">删除的附件在下次每月备份轮换前可以恢复。</div>
                <ul className="att-grid zd-plain-list" aria-label="已删除的附件">
                  {deleted.map((item) => (
                    <AttachmentTile
                      key={item.id}
                      item={item}
                      showOwner
                      onOpen={() => setViewingDeleted(deleted.indexOf(item))}
                      onChanged={changed}
                      onRestore={() => void restore(item.id, item.version)}
                    />
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      <AttachmentViewer items={live} index={viewing} onIndex={setViewing} onClose={() => setViewing(null)} />
      <AttachmentViewer
        items={deleted}
        index={viewingDeleted}
        onIndex={setViewingDeleted}
        onClose={() => setViewingDeleted(null)}
      />
    </section>
  );
}
