import { Button, Checkbox, Tooltip } from 'antd';
import { memo, useState, useSyncExternalStore } from 'react';
import { DISPATCH_FIELDS, DISPATCH_FIELD_LABELS, type DispatchRow } from '../../../db/model/dispatch';
import { LIGHT_LABELS } from '../../../db/model/lights';
import { TextCell, type CellMode, type GridNav } from './entry-cell';
import { isCopied, type EntryStore } from './entry-store';
import { EntryStatus } from './EntryStatus';
import { EntryPhotosLink } from './entry-photos';
import { canRaise, useRaiseFromEntry } from './raise-from-entry';
import { LightBadge } from '../../ui/LightBadge';
import { RowLink } from '../../ui/RowLink';
import { StageTag } from '../../ui/StageTag';
import { useMayCall } from '../../app/session/session';

interface EntryRowProps {
  /** the project as the week was loaded; the live row comes from the store */
  project: DispatchRow;
  index: number;
  store: EntryStore;
  /** the active cell's column in this row, or null */
  activeCol: number | null;
  mode: CellMode;
  selected: boolean;
  nav: GridNav;
  onToggle(projectId: number): void;
  measure(element: HTMLTableRowElement | null): void;
}

/** The light's reasons in a tooltip. The tooltip is made on the first hover: thousands of rows scroll past unread. */
function LightMark({ row }: { row: DispatchRow }) {
  const [hovered, setHovered] = useState(false);
  if (row.suspended) return <LightBadge light={row.light} suspended={row.suspended} className="entries-light" />;
  const reasons = row.lightReasons.length ? row.lightReasons : ['暂无预警'];
  const badge = (
    <LightBadge
      light={row.light}
      className="entries-light"
      label={`${LIGHT_LABELS[row.light]}：${reasons.join('；')}`}
      onPointerEnter={hovered ? undefined : () => setHovered(true)}
    />
  );
  if (!hovered) return badge;
  return (
    <Tooltip
      defaultOpen
      title={
        <div className="entries-light-tip">
          <strong>{LIGHT_LABELS[row.light]}</strong>
          {reasons.map((reason) => (
            <div key={reason}>{reason}</div>
          ))}
        </div>
      }
      placement="right"
    >
      {badge}
    </Tooltip>
  );
}

/** A row the list is flung past: its number, name and code at the height it will have, the texts when it stops. */
export function FlungEntryRow({ project, index, height }: { project: DispatchRow; index: number; height: number }) {
  return (
    <tr data-index={index} className={`entries-row is-light${index % 2 ? ' is-odd' : ''}`} style={{ height }}>
      <td className="entries-check" />
      <td className="num entries-serial">{index + 1}</td>
      <td className="entries-project">
        <div className="entries-project-name">{project.name}</div>
        <div className="entries-project-meta zd-hint zd-nowrap">
          <span className="num">{project.code}</span>
        </div>
      </td>
      <td colSpan={DISPATCH_FIELDS.length + 2} />
    </tr>
  );
}

export const EntryRow = memo(function EntryRow({
  project,
  index,
  store,
  activeCol,
  mode,
  selected,
  nav,
  onToggle,
  measure,
}: EntryRowProps) {
  const state = useSyncExternalStore(store.subscribe, () => store.get(project.projectId));
  const { row } = state;
  const copied = isCopied(row);
  const raise = useRaiseFromEntry();
  const mayCall = useMayCall();
  const mayReport = mayCall('dispatch.saveEntry');
  const raisedProblems = [...project.raisedProblems, ...(raise?.raisedSince(project.projectId) ?? [])];
  const classes = [
    'entries-row',
    index % 2 ? 'is-odd' : '',
    activeCol !== null ? 'is-active-row' : '',
    row.confirmed ? 'is-reported' : copied ? 'is-copied' : 'is-unreported',
    state.save.kind === 'failed' ? 'is-failed' : '',
  ];
  return (
    <tr ref={measure} data-index={index} className={classes.filter(Boolean).join(' ')} aria-label={row.name}>
      <td className="entries-check">
        {copied && (
          <Checkbox
            checked={selected}
            onChange={() => onToggle(row.projectId)}
            aria-label={`选择“${row.name}”以确认沿用`}
          />
        )}
      </td>
      <td className="num entries-serial">{index + 1}</td>
      <td className="entries-project">
        <div className="entries-project-name">
          <LightMark row={row} />
          <RowLink href={`/projects/${row.projectId}`} tabIndex={-1} title={row.name}>
            {row.name}
          </RowLink>
        </div>
        <div className="entries-project-meta zd-hint zd-nowrap">
          <span className="num">{row.code}</span>
          {row.chainName && <span>{row.chainName}</span>}
          {row.approvalProgress && (
            // “手续5/8” here, the whole “已办结5/8，缺…” on hover and on the printed list
            <span title={`前期手续：${row.approvalProgress}`}>
              {row.approvalProgress.split('，')[0].replace('已办结', '手续')}
            </span>
          )}
        </div>
      </td>
      <td className="entries-stage-cell">
        <StageTag stage={row.stage} compact />
      </td>
      {DISPATCH_FIELDS.map((field, col) => (
        <TextCell
          key={field}
          store={store}
          state={state}
          field={field}
          label={`${row.name} ${DISPATCH_FIELD_LABELS[field]}`}
          index={index}
          col={col}
          active={activeCol === col}
          mode={mode}
          nav={nav}
          readOnly={!mayReport}
        />
      ))}
      <td className="entries-status-cell">
        <EntryPhotosLink projectId={row.projectId} name={row.name} />
        <EntryStatus
          state={state}
          week={store.week}
          onConfirm={mayReport ? () => void store.confirm(row.projectId) : undefined}
          onRetry={() => void store.retry(row.projectId)}
        />
        {raisedProblems.length > 0 ? (
          <span className="entries-raised zd-small zd-muted">
            已转问题{' '}
            {raisedProblems.map((p) => (
              <RowLink key={p.id} href={`/problems?id=${p.id}`}>
                {p.code}
              </RowLink>
            ))}
          </span>
        ) : (
          raise &&
          mayCall('problems.create') &&
          canRaise(row) && (
            <Button
              type="link"
              size="small"
              className="entries-raise"
              onClick={() => raise.raise(row)}
              aria-label={`将“${row.name}”的${row.problems.trim() ? '存在问题' : '需协调事项'}转为问题`}
            >
              转为问题
            </Button>
          )
        )}
      </td>
    </tr>
  );
});
