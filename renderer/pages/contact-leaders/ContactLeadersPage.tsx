import { Alert, Button, Segmented, Spin } from 'antd';
import { useLocation } from 'wouter';
import { formatChineseDate } from '../../../db/model/dates';
import type { ContactLeaderOverview } from '../../../db/model/instructions';
import { useApi } from '../../hooks/use-api';
import { ContactLeaderCard } from './ContactLeaderCard';
import { InstructionsTab } from './InstructionsTab';
import './contact-leaders.css';

const TABS = [
  { value: 'cards', label: '领导卡片' },
  { value: 'instructions', label: '领导批示' },
] as const;
type TabKey = (typeof TABS)[number]['value'];
const pathOf = (tab: TabKey) => (tab === 'cards' ? '/contact-leaders' : `/contact-leaders/${tab}`);

/** 包挂领导视图 (issue #17): a card per 包挂领导 with their projects' lights and 批示, and the list of 批示. */
export function ContactLeadersPage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  const active: TabKey = tab === 'instructions' ? 'instructions' : 'cards';
  return (
    <div className="zd-stack">
      <div className="zd-page-head">
        <h2 className="zd-page-title">包挂领导</h2>
        <Segmented<TabKey>
          size="small"
          value={active}
          options={[...TABS]}
          onChange={(value) => navigate(pathOf(value))}
          aria-label="包挂领导视图的页面"
        />
      </div>
      {active === 'cards' ? <CardsTab /> : <InstructionsTab />}
    </div>
  );
}

function CardsTab() {
  const overview = useApi('overview.contactLeaders', {});
  if (overview.error && !overview.data) {
    return (
      <Alert
        type="error"
        showIcon
        title="包挂领导视图读取失败"
        description={overview.error.message}
        action={
          <Button size="small" onClick={() => void overview.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!overview.data) {
    return (
      <div className="zd-loading">
        <Spin size="large" description="正在汇总…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  return <Cards overview={overview.data} loading={overview.loading} onReload={() => void overview.reload()} />;
}

function Cards({
  overview,
  loading,
  onReload,
}: {
  overview: ContactLeaderOverview;
  loading: boolean;
  onReload(): void;
}) {
  const leaders = overview.cards.filter((c) => c.leaderId !== null).length;
  return (
    <>
      <div className="ctl-summary">
        <span className="zd-muted">
          {leaders} 位包挂领导 · 批示过了办理时限亮黄灯、超期超过{overview.instructionRedDays}天亮红灯 · 数据截至
          {formatChineseDate(overview.today)}
        </span>
        <span className="zd-gap" />
        <Button size="small" onClick={onReload} loading={loading}>
          刷新
        </Button>
      </div>
      {overview.cards.length === 0 ? (
        <div className="ctl-empty zd-faint">
          还没有包挂领导。在“设置 → 包挂领导”中添加，再在项目表单中为重点项目选定包挂领导。
        </div>
      ) : (
        <div className="ctl-cards">
          {overview.cards.map((card) => (
            <ContactLeaderCard key={card.leaderId ?? 'none'} card={card} />
          ))}
        </div>
      )}
    </>
  );
}
