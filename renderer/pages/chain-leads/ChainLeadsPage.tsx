import { Alert, Button, Spin } from 'antd';
import { formatChineseDate } from '../../../db/model/dates';
import { UNASSIGNED_LEAD, type ChainLeadOverview } from '../../../db/model/overview';
import { useApi } from '../../hooks/use-api';
import { AssessmentRanking } from './AssessmentRanking';
import { LeadCard } from './LeadCard';
import './chain-leads.css';

/** 链长视图: each 链长's chains, projects and nodes, then the 考核 ranking. */
export function ChainLeadsPage() {
  const overview = useApi('overview.chainLeads', {});
  if (overview.error && !overview.data) {
    return (
      <div className="zd-stack">
        <Alert
          type="error"
          showIcon
          title="链长视图读取失败"
          description={overview.error.message}
          action={
            <Button size="small" onClick={() => void overview.reload()}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!overview.data) {
    return (
      <div className="zd-stack zd-loading">
        <Spin size="large" description="正在汇总…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  return <ChainLeadsView overview={overview.data} loading={overview.loading} onReload={() => void overview.reload()} />;
}

function ChainLeadsView({
  overview,
  loading,
  onReload,
}: {
  overview: ChainLeadOverview;
  loading: boolean;
  onReload(): void;
}) {
  // 未设链长 is a to-do for the office, not a lead: it goes last, and only when it holds projects
  const leads = [
    ...overview.leads.filter((l) => l.chainLead !== UNASSIGNED_LEAD),
    ...overview.leads.filter((l) => l.chainLead === UNASSIGNED_LEAD && l.projectCount > 0),
  ];
  const targets = new Map(overview.chains.map((c) => [c.chainId, c.target2025Yuan]));
  const chainFigures = new Map(overview.chains.map((c) => [c.chainId, c]));
  const largestStageCount = Math.max(1, ...overview.chains.flatMap((c) => Object.values(c.byStage)));
  const showRanking = () => document.getElementById('cl-ranking')?.scrollIntoView({ behavior: 'smooth' });
  return (
    <div className="zd-stack">
      <div className="zd-page-head">
        <h2 className="zd-page-title">链长视图</h2>
        <span className="zd-gap zd-muted">
          {leads.length} 位链长 · 节点为逾期及{overview.dueWithinDays}天内到期 · 数据截至
          {formatChineseDate(overview.today)}
        </span>
        <Button size="small" onClick={showRanking}>
          考核排名
        </Button>
        <Button size="small" onClick={onReload} loading={loading}>
          刷新
        </Button>
      </div>
      {leads.length === 0 ? (
        <div className="cl-empty zd-faint">还没有项目。产业链的链长在“设置 → 产业链”中填写。</div>
      ) : (
        <div className="cl-cards">
          {leads.map((lead) => (
            <LeadCard
              key={lead.chainLead}
              lead={lead}
              today={overview.today}
              dueWithinDays={overview.dueWithinDays}
              targets={targets}
              chainFigures={chainFigures}
              largestStageCount={largestStageCount}
            />
          ))}
        </div>
      )}
      <AssessmentRanking overview={overview} />
    </div>
  );
}
