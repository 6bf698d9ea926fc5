/** The areas DOMAIN.md names, in the order the office works through them. */
export interface AreaRoute {
  path: string;
  label: string;
  built: boolean;
  description: string;
}

export const AREAS: AreaRoute[] = [
  {
    path: '/dashboard',
    label: '工作台',
    built: true,
    description: '本年度开工、推进、建成、储备四个一批的完成情况，红黄灯与临期节点。',
  },
  { path: '/projects', label: '项目库', built: true, description: '' },
  {
    path: '/board',
    label: '阶段看板',
    built: true,
    description: '按储备、前期、新开工、续建、竣工分列项目，办理阶段变更。',
  },
  {
    path: '/chain-leads',
    label: '链长视图',
    built: true,
    description: '每位链长名下的产业链、项目、临期与逾期节点及考核排名。',
  },
  { path: '/dispatch', label: '周调度', built: true, description: '每周填报项目进展与月度投资，打印周调度表。' },
  {
    path: '/problems',
    label: '问题督办',
    built: true,
    description: '登记、交办、催办、反馈、销号，打印交办单和问题清单。',
  },
  {
    path: '/ledger',
    label: '台账',
    built: true,
    description: '导出项目台账Excel，导入已有台账，分发与回收责任单位填报表。',
  },
  { path: '/settings', label: '设置', built: true, description: '' },
];
