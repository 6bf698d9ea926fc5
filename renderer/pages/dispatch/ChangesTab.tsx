import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { weekSpan } from '../../../db/model/weeks';
import { isDesktop } from '../../api';
import { useApi } from '../../hooks/use-api';
import { ChangesList } from './changes-list';
import { CHANGE_KINDS, changesPrintRoute, countByKind, groupByLead, onlyKinds } from '../../print/changes-model';
import './changes.css';

/**
 * The paper opens beside the app in a browser, where the tab's print button is the browser's own;
 * the desktop shell allows no second window, so there it replaces this page and offers 返回.
 */
function openPrint(week: string, navigate: (to: string) => void) {
  const route = changesPrintRoute(week);
  if (isDesktop()) navigate(route);
  else window.open(`${location.href.split('#')[0]}#${route}`, '_blank');
}

/** 较上周变化: what moved since last week's dispatch, project by project, under each 链长. */
export function ChangesTab({ week }: { week: string }) {
  const [, navigate] = useLocation();
  const changes = useApi('dispatch.changes', { week });
  const [kinds, setKinds] = useState<string[]>([]);
  const data = changes.data;
  const counts = useMemo(() => countByKind(data?.projects ?? []), [data]);
  const groups = useMemo(() => groupByLead(onlyKinds(data?.projects ?? [], kinds)), [data, kinds]);
  const shownCount = groups.reduce((sum, g) => sum + g.projects.length, 0);

  if (changes.error) {
    return (
      <Alert
        type="error"
        showIcon
        title="无法读取较上周变化"
        description={changes.error.message}
        action={<Button onClick={() => void changes.reload()}>重试</Button>}
      />
    );
  }
  if (!data) {
    return (
      <div className="zd-grid-blank">
        <Spin description="正在比较两周的调度记录…" />
      </div>
    );
  }

  const toggle = (kind: string) =>
    setKinds((old) => (old.includes(kind) ? old.filter((k) => k !== kind) : [...old, kind]));

  return (
    <div className="zd-page">
      <div className="zd-toolbar chg-toolbar">
        <span className="chg-summary" role="status">
          <strong className="num">{data.projects.length}</strong>个项目有变化
        </span>
        <span className="zd-muted">
          第{data.week.week}周（{weekSpan(data.week)}）较第{data.previousWeek.week}周（{weekSpan(data.previousWeek)}）
        </span>
        <span className="chg-kinds" aria-label="按变化事项筛选">
          {CHANGE_KINDS.filter((kind) => counts.has(kind)).map((kind) => (
            <Tag.CheckableTag
              key={kind}
              className="chg-kind"
              checked={kinds.includes(kind)}
              onChange={() => toggle(kind)}
            >
              {kind} <span className="num">{counts.get(kind)}</span>
            </Tag.CheckableTag>
          ))}
        </span>
        <span className="zd-gap" />
        {kinds.length > 0 && (
          <span className="zd-muted">
            显示{shownCount}个项目
            <Button type="link" size="small" onClick={() => setKinds([])}>
              全部显示
            </Button>
          </span>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => openPrint(data.week.key, navigate)}>
          打印
        </Button>
      </div>
      {data.projects.length === 0 ? (
        <div className="zd-grid-blank">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={`第${data.week.week}周与第${data.previousWeek.week}周相比，没有项目发生变化`}
          />
        </div>
      ) : (
        <ChangesList
          groups={groups}
          previousLabel={`第${data.previousWeek.week}周`}
          currentLabel={`第${data.week.week}周`}
        />
      )}
    </div>
  );
}
