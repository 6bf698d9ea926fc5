import { memo, useEffect, useRef, type DragEvent, type MouseEvent } from 'react';
import { Link } from 'wouter';
import type { ProjectListRow } from '../../../db/model/project-list';
import { LIGHT_LABELS } from '../../../db/model/lights';
import { LightBadge } from '../../ui/LightBadge';
import { MoneyCell } from '../../ui/MoneyCell';
import { LightReason } from './LightReason';

/** Drawn inline: an icon component on each of a thousand cards is measurable when the board opens. */
function MoreIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" fill="currentColor" aria-hidden="true">
      <circle cx="8" cy="3" r="1.5" />
      <circle cx="8" cy="8" r="1.5" />
      <circle cx="8" cy="13" r="1.5" />
    </svg>
  );
}

const DRAG_TYPE = 'application/x-zdxm-project';

interface BoardCardProps {
  project: ProjectListRow;
  /** just moved here: shown and briefly marked so the clerk sees where it went */
  highlighted: boolean;
  dragging: boolean;
  onDragStart(project: ProjectListRow): void;
  onDragEnd(): void;
  onOpenMenu(project: ProjectListRow, button: HTMLElement): void;
  onPressMenu(button: HTMLElement): void;
}

/** One project on the board: what it is, whose it is, how it is doing, and where it can go next. */
export const BoardCard = memo(function BoardCard({
  project,
  highlighted,
  dragging,
  onDragStart,
  onDragEnd,
  onOpenMenu,
  onPressMenu,
}: BoardCardProps) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlighted]);

  function startDrag(event: DragEvent) {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, String(project.id));
    event.dataTransfer.setData('text/plain', `${project.code} ${project.name}`);
    onDragStart(project);
  }

  const classes = ['board-card', highlighted && 'board-card-moved', dragging && 'board-card-dragging'];
  return (
    <article
      ref={card}
      className={classes.filter(Boolean).join(' ')}
      aria-label={project.name}
      draggable
      onDragStart={startDrag}
      onDragEnd={onDragEnd}
    >
      <div className="bc-head">
        <LightBadge
          light={project.light}
          suspended={project.suspended}
          title={LIGHT_LABELS[project.light]}
          className="board-light-dot"
        />
        <Link href={`/projects/${project.id}`} className="bc-name zd-strong" draggable={false} title={project.name}>
          {project.name}
        </Link>
        <button
          type="button"
          className="bc-move zd-muted"
          title="推进/退回"
          aria-label={`推进/退回：${project.name}`}
          aria-haspopup="menu"
          onPointerDown={(event) => onPressMenu(event.currentTarget)}
          onClick={(event: MouseEvent<HTMLButtonElement>) => onOpenMenu(project, event.currentTarget)}
        >
          <MoreIcon />
        </button>
      </div>
      <div className="bc-line zd-small zd-muted">
        <span className="zd-none zd-num">{project.code}</span>
        <span className="bc-sep">·</span>
        <span className="zd-ellipsis" title={project.chainName}>
          {project.chainName}
        </span>
        <MoneyCell className="bc-money" title="总投资（万元）" yuan={project.totalInvestmentYuan} />
      </div>
      <div className="bc-line zd-small zd-muted">
        <span className="zd-ellipsis zd-gap" title={project.chainLead ? `链长：${project.chainLead}` : undefined}>
          链长：{project.chainLead || <span className="zd-faint">未设置</span>}
        </span>
      </div>
      <LightReason light={project.light} reasons={project.lights.map((l) => l.reason)} />
    </article>
  );
});
