import { Button, Checkbox, Input } from 'antd';
import { useMemo, useState } from 'react';
import { PROBLEM_STATUS_LABELS, type ProblemListRow } from '../../../db/model/problems';

/** The problems being handed out or handled now: one click away, never chosen unasked. */
function inHandIds(problems: readonly ProblemListRow[]): number[] {
  return problems.filter((p) => p.status === 'pending' || p.status === 'in_progress').map((p) => p.id);
}

function matches(p: ProblemListRow, words: string[]): boolean {
  const text = [p.code, p.projectName, p.projectCode, p.leadUnitName ?? '', ...p.responsibleUnitNames, p.description]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * Which problems get a 交办单: a checkbox list of the open problems (and the struck-off ones, to reprint one),
 * with a filter and quick choices.
 */
export function SlipPicker({
  problems,
  selected,
  onChange,
  withClosed,
  onWithClosed,
}: {
  problems: readonly ProblemListRow[];
  selected: ReadonlySet<number>;
  onChange(next: Set<number>): void;
  /** struck-off problems are listed too */
  withClosed: boolean;
  onWithClosed(on: boolean): void;
}) {
  const [filter, setFilter] = useState('');
  const filtering = filter.trim() !== '';
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return words.length ? problems.filter((p) => matches(p, words)) : problems;
  }, [problems, filter]);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  const setShown = (on: boolean) => {
    const next = new Set(selected);
    for (const p of shown) {
      if (on) next.add(p.id);
      else next.delete(p.id);
    }
    onChange(next);
  };

  return (
    <div className="slip-picker">
      <Input.Search
        allowClear
        size="small"
        placeholder="筛选：编号、项目、单位"
        aria-label="筛选问题"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <div className="slip-picker-tools zd-nowrap">
        <Button size="small" type="link" onClick={() => setShown(true)}>
          {filtering ? '选中筛出的' : '全选'}
        </Button>
        <Button size="small" type="link" onClick={() => setShown(false)}>
          {filtering ? '取消筛出的' : '全不选'}
        </Button>
        <Button size="small" type="link" onClick={() => onChange(new Set(inHandIds(problems)))}>
          待交办和办理中
        </Button>
        <span className="zd-gap" />
        <Checkbox className="zd-small" checked={withClosed} onChange={(e) => onWithClosed(e.target.checked)}>
          包括已销号
        </Checkbox>
      </div>
      <ul className="slip-picker-list zd-plain-list" aria-label="选择要打印交办单的问题">
        {shown.map((p) => (
          <li key={p.id}>
            <Checkbox
              classNames={{ root: 'slip-picker-item', icon: 'slip-picker-box', label: 'slip-picker-label' }}
              // the overdue mark ends at the row's edge: antd pads a checkbox's label on both sides
              styles={{ label: { paddingInlineEnd: 0 } }}
              checked={selected.has(p.id)}
              onChange={(e) => toggle(p.id, e.target.checked)}
            >
              <span className="slip-picker-head">
                <span className="zd-num zd-strong">{p.code}</span>
                <span className="zd-muted zd-small">{PROBLEM_STATUS_LABELS[p.status]}</span>
                {p.daysOverdue > 0 && (
                  <span className="zd-push zd-text-red zd-small zd-strong zd-nowrap">超期{p.daysOverdue}天</span>
                )}
              </span>
              <span className="slip-picker-line zd-nowrap" title={p.projectName}>
                {p.projectName}
              </span>
              <span className="slip-picker-line zd-nowrap slip-picker-desc zd-small zd-faint" title={p.description}>
                {p.description}
              </span>
            </Checkbox>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="slip-picker-none zd-faint">
            {problems.length ? '没有符合筛选的问题' : withClosed ? '还没有登记问题' : '没有未销号的问题'}
          </li>
        )}
      </ul>
    </div>
  );
}
