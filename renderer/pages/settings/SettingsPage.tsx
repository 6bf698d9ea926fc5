import { Alert, ConfigProvider, Spin, Tabs } from 'antd';
import type { ThemeConfig } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { ReferenceData } from '../../../db/model/reference';
import type { MethodName } from '../../../electron/api-spec';
import { useMayCall } from '../../app/session/session';
import { useApi } from '../../hooks/use-api';
import { ApprovalTemplatesTab } from './ApprovalTemplatesTab';
import { BasicSettings } from './BasicSettings';
import { ChainsTab } from './ChainsTab';
import { ContactLeadersTab } from './ContactLeadersTab';
import { DataSafetyTab } from './DataSafetyTab';
import { LightsTab } from './LightsTab';
import { LevelsTab, TownshipsTab } from './NamedListTab';
import { ParksTab } from './ParksTab';
import type { ReferenceTabProps } from './reference-tab';
import './settings.css';
import { TemplatesTab } from './TemplatesTab';
import { UnitsTab } from './UnitsTab';
import { accountTab, isAccountTab, useAccountTabs, type AccountTabKey } from './accounts/account-tabs';

const TABS = [
  { key: 'basic', label: '基本设置' },
  { key: 'lights', label: '预警设置' },
  { key: 'templates', label: '节点模板' },
  { key: 'approvals', label: '前期手续模板' },
  { key: 'chains', label: '产业链' },
  { key: 'units', label: '单位' },
  { key: 'parks', label: '园区/片区' },
  { key: 'levels', label: '项目级别' },
  { key: 'townships', label: '乡镇/街道' },
  { key: 'contactLeaders', label: '包挂领导' },
  { key: 'data', label: '数据与备份' },
] as const;
type TabKey = (typeof TABS)[number]['key'] | AccountTabKey;
type ReferenceTabKey = 'chains' | 'units' | 'parks' | 'levels' | 'townships' | 'contactLeaders';
type OwnTabKey = Exclude<TabKey, ReferenceTabKey | AccountTabKey>;

/** Tabs that load what they show themselves. */
const OWN_TABS: Record<OwnTabKey, () => ReactNode> = {
  basic: BasicSettings,
  lights: LightsTab,
  templates: TemplatesTab,
  approvals: ApprovalTemplatesTab,
  data: DataSafetyTab,
};

const REFERENCE_TABS: Record<ReferenceTabKey, (props: ReferenceTabProps) => ReactNode> = {
  chains: ChainsTab,
  units: UnitsTab,
  parks: ParksTab,
  levels: LevelsTab,
  townships: TownshipsTab,
  contactLeaders: ContactLeadersTab,
};

/**
 * The write each tab makes. A role that may not make it (a leader, or an office clerk on the admin's settings)
 * sees the tab with its controls disabled; 数据与备份 is left out for whoever may not see the backups.
 */
const TAB_WRITES: Record<Exclude<TabKey, AccountTabKey>, MethodName> = {
  basic: 'settings.update',
  lights: 'settings.update',
  templates: 'milestoneTemplates.save',
  approvals: 'approvals.saveTemplate',
  chains: 'reference.saveChain',
  units: 'reference.saveUnit',
  parks: 'reference.savePark',
  levels: 'reference.saveLevel',
  townships: 'reference.saveTownship',
  contactLeaders: 'reference.saveContactLeader',
  data: 'backups.list',
};

function ReadOnlyTab({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider componentDisabled>
      <Alert className="settings-read-only" type="info" showIcon title="只读：您的角色可以查看这些设置，不能修改" />
      {children}
    </ConfigProvider>
  );
}

function isOwnTab(key: Exclude<TabKey, AccountTabKey>): key is OwnTabKey {
  return key in OWN_TABS;
}

function ownTab(key: OwnTabKey): ReactNode {
  const Tab = OWN_TABS[key];
  return <Tab />;
}

// Reference lists are read like a ledger: tighter rows than antd's small table.
const DENSE_TABLES: ThemeConfig = { components: { Table: { cellPaddingBlockSM: 5 } } };

/** 设置: the tab is part of the address (/settings/chains) so a tab can be linked to and survives a reload. */
export function SettingsPage({ tab }: { tab?: string }) {
  const [, navigate] = useLocation();
  const mayCall = useMayCall();
  const tabs = [...TABS.filter((t) => t.key !== 'data' || mayCall(TAB_WRITES.data)), ...useAccountTabs()];
  const active: TabKey = tabs.find((t) => t.key === tab)?.key ?? 'basic';
  const reference = useApi('reference.list', {});
  // A save returns the whole fresh reference data; it replaces the loaded copy for every tab at once.
  const [saved, setSaved] = useState<ReferenceData>();
  const data = saved ?? reference.data;

  function referenceTab(key: ReferenceTabKey): ReactNode {
    if (!data) {
      return reference.error ? (
        <Alert type="error" showIcon title="无法读取基础数据" description={reference.error.message} />
      ) : (
        <Spin description="正在读取…" />
      );
    }
    const Tab = REFERENCE_TABS[key];
    return <Tab data={data} onSaved={setSaved} />;
  }

  function settingsTab(key: Exclude<TabKey, AccountTabKey>): ReactNode {
    const content = isOwnTab(key) ? ownTab(key) : referenceTab(key);
    return mayCall(TAB_WRITES[key]) ? content : <ReadOnlyTab>{content}</ReadOnlyTab>;
  }

  return (
    <div className="settings-page">
      <ConfigProvider theme={DENSE_TABLES}>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/settings/${key}`)}
          items={tabs.map(({ key, label }) => ({
            key,
            label,
            children: isAccountTab(key) ? accountTab(key) : settingsTab(key),
          }))}
        />
      </ConfigProvider>
    </div>
  );
}
