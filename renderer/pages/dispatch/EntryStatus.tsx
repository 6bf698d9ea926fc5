import { CheckOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { format, parseISO } from 'date-fns';
import { parseWeek } from '../../../db/model/weeks';
import { isCopied, type EntryState } from './entry-store';

/** 沿用第47周, or with the year when last week's text comes from another year */
export function copiedLabel(copiedFrom: string, week: string): string {
  const from = parseWeek(copiedFrom);
  const current = parseWeek(week);
  if (!from) return '沿用往周';
  return from.year === current?.year ? `沿用第${from.week}周` : `沿用${from.year}年第${from.week}周`;
}

const timeOf = (iso: string) => format(parseISO(iso), 'M月d日 HH:mm');

interface EntryStatusProps {
  state: EntryState;
  week: string;
  /** absent for a role that reads the week but may not report it */
  onConfirm?: () => void;
  onRetry(): void;
}

/** 状态 column: whether the project has reported this week, and what became of the clerk's last change. */
export function EntryStatus({ state, week, onConfirm, onRetry }: EntryStatusProps) {
  const { row, save } = state;
  let report;
  let action = null;
  if (row.confirmed) {
    report = (
      <span className="entries-report zd-nowrap is-reported">
        已报送{row.updatedBy && <span className="entries-report-by zd-muted">{row.updatedBy}</span>}
      </span>
    );
  } else if (isCopied(row) && row.copiedFromWeek) {
    report = (
      <span className="entries-report zd-nowrap zd-text-yellow">{copiedLabel(row.copiedFromWeek, week)}·待确认</span>
    );
    if (onConfirm && save.kind !== 'saving') {
      action = (
        <Button type="link" size="small" className="entries-confirm-one" onClick={onConfirm}>
          确认
        </Button>
      );
    }
  } else {
    report = <span className="entries-report zd-nowrap zd-text-red">未报送</span>;
  }

  let detail = null;
  if (save.kind === 'pending') {
    detail = <span className="entries-save zd-text-yellow">待保存…</span>;
  } else if (save.kind === 'saving') {
    detail = (
      <span className="entries-save zd-faint is-saving">
        <LoadingOutlined /> 保存中…
      </span>
    );
  } else if (save.kind === 'failed') {
    detail = (
      <span className="entries-save zd-text-red" role="alert">
        <ExclamationCircleOutlined /> 保存失败：{save.message}
        <Button type="link" size="small" className="entries-retry" onClick={onRetry}>
          重试
        </Button>
      </span>
    );
  } else if (save.kind === 'saved') {
    detail = (
      <span className="entries-save zd-text-green">
        <CheckOutlined /> 已保存{row.updatedAt ? ` ${format(parseISO(row.updatedAt), 'HH:mm')}` : ''}
      </span>
    );
  } else if (row.confirmed && row.updatedAt) {
    detail = <span className="entries-save zd-faint">{timeOf(row.updatedAt)}</span>;
  }
  return (
    <div className="entries-status zd-small">
      {report}
      {detail}
      {action}
    </div>
  );
}
