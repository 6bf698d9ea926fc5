/** The areas DOMAIN.md names, in the order the office works through them: the side menu. */
export interface AreaRoute {
  path: string;
  label: string;
}

export const AREAS: AreaRoute[] = [
  { path: '/dashboard', label: '工作台' },
  { path: '/projects', label: '项目库' },
  { path: '/board', label: '阶段看板' },
  { path: '/chain-leads', label: '链长视图' },
  { path: '/contact-leaders', label: '包挂领导' },
  { path: '/attraction', label: '招商' },
  { path: '/stats', label: '统计排名' },
  { path: '/dispatch', label: '周调度' },
  { path: '/unit', label: '按单位填报' },
  { path: '/problems', label: '问题督办' },
  { path: '/factors', label: '要素保障' },
  { path: '/ledger', label: '台账' },
  { path: '/bulletin', label: '月度通报' },
  { path: '/history', label: '变更记录' },
  { path: '/settings', label: '设置' },
];
