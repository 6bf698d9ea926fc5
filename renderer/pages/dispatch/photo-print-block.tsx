import { FilePdfOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { photoCount, PHOTOS_PER_PAGE_CHOICES, type PhotosPerPage } from '../../../db/model/photo-sheet';
import { PrintField } from '../../components/PrintField';
import { canSavePdf, printRoute, saveRouteAsPdf } from '../../desktop-bridge';
import { useApi } from '../../hooks/use-api';
import { photoSheetPdfName, photoSheetRoute } from '../../print/photo-sheet-route';

/**
 * 现场照片 for the meeting: the week's projects that have photos on their entries (all, or those the clerk
 * picks), 2 or 4 photos a page, printed as the other papers are.
 */
export function PhotoPrintBlock({ week }: { week: string }) {
  const { message } = App.useApp();
  const sheet = useApi('attachments.photoSheet', { week });
  const [picked, setPicked] = useState<number[]>([]);
  const [perPage, setPerPage] = useState<PhotosPerPage>(4);
  const [busy, setBusy] = useState(false);
  const projects = useMemo(() => sheet.data?.projects ?? [], [sheet.data]);
  const chosen = picked.filter((id) => projects.some((p) => p.projectId === id));
  const photos = photoCount({
    projects: chosen.length ? projects.filter((p) => chosen.includes(p.projectId)) : projects,
  });

  const print = async (what: 'print' | 'pdf') => {
    setBusy(true);
    try {
      const route = photoSheetRoute({ week, projectIds: chosen, perPage });
      if (what === 'print') {
        if ((await printRoute(route)) === true) message.success('已发送到打印机');
      } else {
        const names = projects.filter((p) => !chosen.length || chosen.includes(p.projectId)).map((p) => p.name);
        const filePath = await saveRouteAsPdf(route, photoSheetPdfName({ week }, names));
        if (filePath) message.success(`已保存：${filePath}`);
      }
    } catch (error) {
      message.error(error instanceof Error ? error.message : '打印未完成，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="print-photos" aria-label="现场照片">
      <div className="print-photos-title">现场照片</div>
      <div className="print-summary-line zd-secondary">
        {sheet.data
          ? projects.length
            ? `本周 ${projects.length} 个项目有照片，共 ${photoCount(sheet.data)} 张`
            : '本周的调度填报还没有现场照片'
          : sheet.error
            ? `读取失败：${sheet.error.message}`
            : '正在读取…'}
      </div>
      {projects.length > 1 && (
        <PrintField label="项目" id="print-photo-projects">
          <Select
            className="print-photo-projects"
            mode="multiple"
            allowClear
            size="small"
            placeholder="全部有照片的项目"
            value={chosen}
            onChange={setPicked}
            optionFilterProp="label"
            maxTagCount="responsive"
            options={projects.map((p) => ({ value: p.projectId, label: `${p.name}（${p.photos.length}张）` }))}
          />
        </PrintField>
      )}
      {projects.length > 0 && (
        <PrintField label="每页" id="print-photo-per-page">
          <Radio.Group
            optionType="button"
            size="small"
            value={perPage}
            onChange={(e) => setPerPage(e.target.value as PhotosPerPage)}
            options={PHOTOS_PER_PAGE_CHOICES.map((n) => ({ value: n, label: `${n}张` }))}
          />
        </PrintField>
      )}
      <div className="print-actions">
        <Button
          icon={<PictureOutlined />}
          loading={busy}
          disabled={!photos || busy}
          onClick={() => void print('print')}
        >
          打印现场照片…{photos ? `（${photos}张）` : ''}
        </Button>
        {canSavePdf() && (
          <Button icon={<FilePdfOutlined />} disabled={!photos || busy} onClick={() => void print('pdf')}>
            保存为PDF…
          </Button>
        )}
      </div>
    </div>
  );
}
