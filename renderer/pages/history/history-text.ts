import dayjs from 'dayjs';
import { AUDIT_KINDS, AUDIT_KIND_LABELS } from '../../../db/model/audit-kinds';
import { WEEKDAY_LABELS } from '../../../db/model/lights';
import { CATEGORY_LABELS, type Category } from '../../../db/model/project';
import { ROLE_LABELS, type Role } from '../../../db/model/roles';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { TIME_PROGRESS_MODE_LABELS, type TimeProgressMode } from '../../../db/model/time-progress';
import type { AuditRow } from '../../../electron/api-spec';
import { THRESHOLD_FIELDS } from '../../components/threshold-fields';

export const KIND_OPTIONS = AUDIT_KINDS.map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] }));

/** 对象 for lines that are not about one project. */
const ENTITY_LABELS: Record<string, string> = {
  unit: '单位',
  chain: '产业链',
  park: '园区',
  level: '项目级别',
  township: '乡镇/街道',
  contactLeader: '包挂领导',
  settings: '设置',
  milestone_template: '节点模板',
  approval_template: '前期手续模板',
  import: '导入台账',
  fillin: '填报表',
  backup: '备份与恢复',
  rollover: '年度结转',
  user: '账户',
};

export const entityLabel = (entity: string): string => ENTITY_LABELS[entity] ?? entity;

export const ACTION_LABELS: Record<AuditRow['action'], string> = { create: '新建', update: '修改', delete: '删除' };

const REFERENCE_FIELDS: Record<string, string> = { name: '名称', retired: '停用/启用', title: '职务' };

const SETTING_FIELDS: Record<string, string> = {
  operatorName: '填报人姓名',
  cityName: '城市名称',
  planYear: '计划年度',
  firstRunChecklist: '首次使用清单',
  lightThresholds: '预警设置',
  timeProgressMode: '时序进度算法',
  statisticsThresholdYuan: '纳统门槛（元）',
  backupKeep: '自动备份保留份数',
  attractionStartMonths: '招商约定开工期限（月）',
  attachmentLimits: '附件上限',
  restore: '恢复备份',
  monthClosing: '月度关账',
};

/** An account's lines (办公室服务器): what 设置 › 用户 calls each field. A password is never kept, only that it was set. */
const USER_FIELDS: Record<string, string> = {
  login: '登录名',
  displayName: '姓名',
  role: '角色',
  unitId: '所属单位编号',
  disabled: '停用',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
  password: '密码',
  sessions: '登录会话',
};

const BACKUP_KEEP_LABELS: Record<string, string> = { daily: '按日保留', weekly: '按周保留', monthly: '按月保留' };

const ATTACHMENT_LIMIT_LABELS: Record<string, string> = { fileMegabytes: '每个附件', projectMegabytes: '每个项目' };

const BULLETIN_TEXTS: Record<string, string> = { docNumber: '文号', summary: '摘要' };

/** A month's 月度通报 texts (`bulletin:2026-11:summary`): “2026年11月通报摘要”. */
function bulletinFieldText(field: string): string | undefined {
  const match = /^bulletin:(\d{4})-(\d{2}):(\w+)$/.exec(field);
  const text = match && BULLETIN_TEXTS[match[3]];
  return text ? `${match[1]}年${Number(match[2])}月通报${text}` : undefined;
}

/** 项目 column: the changed item's name, “—” for a line about the whole record. */
export function fieldText(entry: AuditRow): string {
  if (entry.field === null) return '—';
  switch (entry.entity) {
    case 'project':
      return entry.fieldLabel ?? entry.field;
    case 'unit':
    case 'chain':
    case 'park':
    case 'level':
    case 'township':
    case 'contactLeader':
      return REFERENCE_FIELDS[entry.field] ?? entry.field;
    case 'settings':
      return SETTING_FIELDS[entry.field] ?? bulletinFieldText(entry.field) ?? entry.field;
    case 'user':
      return USER_FIELDS[entry.field] ?? entry.field;
    case 'milestone_template':
      return `${STAGE_LABELS[entry.field as Stage] ?? entry.field}阶段`;
    case 'approval_template':
      return CATEGORY_LABELS[entry.field as Category] ?? entry.field;
    default:
      return entry.fieldLabel ?? entry.field;
  }
}

/** Settings are stored as JSON objects or codes; the clerk reads them in the words of the settings screen. */
function settingText(field: string, value: string): string {
  if (field === 'timeProgressMode') return TIME_PROGRESS_MODE_LABELS[value as TimeProgressMode] ?? value;
  if (field !== 'lightThresholds' && field !== 'backupKeep' && field !== 'attachmentLimits') return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (typeof parsed !== 'object' || parsed === null) return value;
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, v]) => {
      if (field === 'backupKeep') return `${BACKUP_KEEP_LABELS[key] ?? key}${String(v)}份`;
      if (field === 'attachmentLimits') return `${ATTACHMENT_LIMIT_LABELS[key] ?? key}${String(v)} MB`;
      if (key === 'reportDeadlineWeekday') return `报送截止${WEEKDAY_LABELS[Number(v)] ?? String(v)}`;
      const known = THRESHOLD_FIELDS[key as keyof typeof THRESHOLD_FIELDS];
      return known ? `${known.label}${String(v)}${known.unit}` : `${key}${String(v)}`;
    })
    .join('，');
}

/** 原值/新值 as the clerk reads it; null when nothing was there (shown as “（空）”). */
export function valueText(entry: AuditRow, value: string | null): string | null {
  if (value === null) return null;
  if (entry.entity === 'settings' && entry.field) return settingText(entry.field, value);
  if (entry.entity === 'user' && entry.field === 'role') return ROLE_LABELS[value as Role] ?? value;
  if (entry.entity === 'user' && entry.field === 'lockedUntil') return formatAt(value);
  return value;
}

/** Local time with seconds: several lines of one save share a minute. */
export const formatAt = (at: string): string => dayjs(at).format('YYYY-MM-DD HH:mm:ss');
