import type { ChangeEvent } from '../../db/model/change-event';

// The quiet line that says who changed what: “张三 更新了 项目X 的本周进展”, or when the change is too large to
// name, “张三 修改了 3 个项目”.

type Phrase = (name: string) => string;

const NAMED: Record<string, Phrase> = {
  'dispatch.saveEntry': (name) => `更新了 ${name} 的本周进展`,
  'dispatch.confirm': (name) => `确认了 ${name} 的本周调度`,
  'projects.create': (name) => `新建了项目 ${name}`,
  'projects.update': (name) => `修改了 ${name}`,
  'projects.changeStage': (name) => `变更了 ${name} 的阶段`,
  'projects.setMonthlyInvestment': (name) => `填报了 ${name} 的月度投资`,
  'milestones.save': (name) => `修改了 ${name} 的节点`,
  'milestones.generate': (name) => `排定了 ${name} 的节点`,
  'approvals.save': (name) => `修改了 ${name} 的前期手续`,
  'problems.create': (name) => `登记了 ${name} 的问题`,
  'problems.update': (name) => `修改了 ${name} 的问题`,
  'problems.act': (name) => `办理了 ${name} 的问题`,
  'problems.addNote': (name) => `反馈了 ${name} 的问题`,
  'attachments.add': (name) => `上传了 ${name} 的附件`,
  'attachments.setCaption': (name) => `修改了 ${name} 的附件说明`,
  'attachments.remove': (name) => `删除了 ${name} 的附件`,
  'attachments.restore': (name) => `恢复了 ${name} 的附件`,
  'instructions.save': (name) => `登记或修改了 ${name} 的领导批示`,
  'instructions.close': (name) => `办结了 ${name} 的领导批示`,
  'instructions.reopen': (name) => `重新办理 ${name} 的领导批示`,
  'instructions.toProblem': (name) => `把 ${name} 的领导批示转为问题`,
};

const UNNAMED: Record<string, string> = {
  'dispatch.confirm': '确认了本周调度',
  'investment.closeMonth': '关闭了一个月的投资填报',
  'investment.reopenMonth': '重新打开了一个月的投资填报',
  'ledger.applyImport': '导入了项目台账',
  'fillin.apply': '导入了单位填报表',
  'rollover.apply': '完成了年度结转',
  'rollover.undo': '撤销了年度结转',
  'backups.restore': '恢复了备份',
  'app.initialize': '载入了数据',
};

const BY_KIND: Record<ChangeEvent['kind'], string> = {
  project: '修改了项目',
  dispatch: '更新了周调度',
  investment: '更新了月度投资',
  problem: '更新了问题',
  milestone: '修改了节点',
  reference: '修改了单位、产业链或园区',
  settings: '修改了设置',
  library: '更新了数据',
};

export function noticeOf(event: ChangeEvent): string {
  if (!event.by) return '数据已更新';
  const name = event.ids.length === 1 ? event.names[0] : '';
  const named = NAMED[event.method];
  if (name && named) return `${event.by} ${named(name)}`;
  if (event.ids.length > 1) {
    const what = event.kind === 'problem' ? '个问题' : '个项目';
    return `${event.by} ${event.method === 'dispatch.confirm' ? '确认了' : '修改了'} ${event.ids.length} ${what}`;
  }
  return `${event.by} ${UNNAMED[event.method] ?? BY_KIND[event.kind]}`;
}
