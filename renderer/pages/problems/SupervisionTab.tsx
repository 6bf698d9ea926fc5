import { Alert, Button, Empty, Select, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useApi } from '../../hooks/use-api';
import { SupervisionBlock } from './supervision-item';
import './supervision.css';

const ALL = '';

/** 督办: the red projects, longest red first, each with its open problems beside its late nodes. */
export function SupervisionTab() {
  const query = useApi('supervision.overview', {});
  const [lead, setLead] = useState(ALL);
  const items = useMemo(() => query.data ?? [], [query.data]);
  const leads = useMemo(() => [...new Set(items.map((i) => i.chainLead).filter(Boolean))], [items]);
  const chosenLead = leads.includes(lead) ? lead : ALL;
  const shown = useMemo(
    () => (chosenLead ? items.filter((i) => i.chainLead === chosenLead) : items),
    [items, chosenLead],
  );
  const problems = shown.reduce((n, i) => n + i.problems.length, 0);
  const overdue = shown.reduce((n, i) => n + i.problems.filter((p) => p.daysOverdue > 0).length, 0);
  const nodes = shown.reduce((n, i) => n + i.lateMilestones.length, 0);

  if (query.error && !query.data) {
    return <Alert type="error" showIcon title="无法读取督办情况" description={query.error.message} />;
  }
  if (!query.data) return <Spin className="zd-spin-block" description="正在读取红灯项目…" />;

  return (
    <div className="zd-page supervision">
      <div className="supervision-bar">
        <div className="supervision-counts zd-ellipsis zd-gap zd-secondary" aria-live="polite">
          红灯项目 <b className="num">{shown.length}</b> 个
          <span className="supervision-sep" />
          涉及未销号问题 <b className="num">{problems}</b> 个（超期{' '}
          <b className="num zd-text-red zd-strong">{overdue}</b> 个）
          <span className="supervision-sep" />
          逾期节点 <b className="num">{nodes}</b> 个
          <span className="zd-hint supervision-hint">按连续红灯时间排列，最久的在前</span>
        </div>
        <Select
          aria-label="链长"
          size="small"
          value={chosenLead}
          onChange={setLead}
          options={[{ value: ALL, label: '全部链长' }, ...leads.map((l) => ({ value: l, label: l }))]}
          popupMatchSelectWidth={false}
          className="supervision-lead"
        />
        <Button size="small" icon={<ReloadOutlined />} loading={query.loading} onClick={() => void query.reload()}>
          刷新
        </Button>
      </div>
      <div className="zd-page supervision-list">
        {shown.length === 0 ? (
          <Empty description={chosenLead ? '该链长名下没有红灯项目' : '目前没有红灯项目'} />
        ) : (
          shown.map((item) => <SupervisionBlock key={item.projectId} item={item} />)
        )}
      </div>
    </div>
  );
}
