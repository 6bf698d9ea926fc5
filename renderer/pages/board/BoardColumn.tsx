import { Button } from 'antd';
import { useState, type DragEvent, type ReactNode } from 'react';
import type { ProjectListRow } from '../../../db/model/project-list';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import type { BoardColumnData } from './board-model';
import { BoardCard } from './BoardCard';
import { MoneyCell } from '../../ui/MoneyCell';

/** Beyond this many cards a column stops drawing: 5,000 projects must not freeze the window. */
export const CARDS_PER_PAGE = 200;

/** While a card is dragged: where it may go (an adjacent column) and where the rule refuses it. */
export type DropState = 'idle' | 'source' | 'target' | 'refused';

interface BoardColumnProps {
  column: BoardColumnData;
  collapsed?: boolean;
  onToggleCollapsed?(): void;
  dropState: DropState;
  /** the pointer is over this column with a card */
  over: boolean;
  highlightedId: number | null;
  draggingId: number | null;
  onCardDragStart(project: ProjectListRow): void;
  onCardDragEnd(): void;
  onDragOverColumn(stage: Stage | null): void;
  onDropOnColumn(stage: Stage): void;
  onOpenMenu(project: ProjectListRow, button: HTMLElement): void;
  onPressMenu(button: HTMLElement): void;
}

export function BoardColumn({
  column,
  collapsed = false,
  onToggleCollapsed,
  dropState,
  over,
  highlightedId,
  draggingId,
  onCardDragStart,
  onCardDragEnd,
  onDragOverColumn,
  onDropOnColumn,
  onOpenMenu,
  onPressMenu,
}: BoardColumnProps) {
  const [shown, setShown] = useState(CARDS_PER_PAGE);
  const { stage, projects } = column;
  const label = STAGE_LABELS[stage];
  const accepting = dropState === 'target' || dropState === 'refused';

  function dragOver(event: DragEvent) {
    if (!accepting) return;
    // refused columns accept the drop too, so the clerk hears why rather than seeing nothing happen
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) onDragOverColumn(stage);
  }
  function dragLeave(event: DragEvent) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDragOverColumn(null);
  }
  function drop(event: DragEvent) {
    if (!accepting) return;
    event.preventDefault();
    onDropOnColumn(stage);
  }

  const classes = ['board-col', `board-col-${dropState}`, over && 'board-col-over', collapsed && 'board-col-collapsed'];
  let body: ReactNode;
  if (collapsed) {
    body = (
      <div className="board-col-folded zd-hint">
        <span>已收起</span>
        <span>可将卡片拖到此处</span>
      </div>
    );
  } else if (projects.length === 0) {
    body = <div className="board-col-empty zd-hint">无项目</div>;
  } else {
    const hidden = projects.length - Math.min(shown, projects.length);
    body = (
      <>
        {projects.slice(0, shown).map((project) => (
          <BoardCard
            key={project.id}
            project={project}
            highlighted={project.id === highlightedId}
            dragging={project.id === draggingId}
            onDragStart={onCardDragStart}
            onDragEnd={onCardDragEnd}
            onOpenMenu={onOpenMenu}
            onPressMenu={onPressMenu}
          />
        ))}
        {hidden > 0 && (
          <div className="board-col-more zd-muted zd-small">
            <span>还有{hidden}个，请用筛选缩小范围</span>
            <Button type="link" size="small" onClick={() => setShown((n) => n + CARDS_PER_PAGE)}>
              再显示{Math.min(hidden, CARDS_PER_PAGE)}个
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <section
      className={classes.filter(Boolean).join(' ')}
      aria-label={label}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
    >
      <header className="board-col-head">
        <div className="bch-line zd-nowrap">
          <h2 className="zd-card-title">{label}</h2>
          <span className="bch-count num">{projects.length}个</span>
          {onToggleCollapsed && (
            <Button type="link" size="small" className="bch-toggle zd-small" onClick={onToggleCollapsed}>
              {collapsed ? '展开' : '收起'}
            </Button>
          )}
        </div>
        {collapsed ? (
          <div className="bch-sub zd-small zd-muted bch-folded-money">
            总投资（万元）
            <div>
              <MoneyCell yuan={column.totalInvestmentYuan} />
            </div>
          </div>
        ) : (
          <div className="bch-line zd-nowrap bch-sub zd-small zd-muted">
            <span className="bch-money">
              总投资
              <MoneyCell yuan={column.totalInvestmentYuan} />
              万元
            </span>
            {(column.red > 0 || column.yellow > 0) && (
              <span className="bch-lights zd-num">
                {column.red > 0 && <span className="zd-text-red">红{column.red}</span>}
                {column.yellow > 0 && <span className="zd-text-yellow">黄{column.yellow}</span>}
              </span>
            )}
          </div>
        )}
      </header>
      <div className="zd-page board-col-body">{body}</div>
    </section>
  );
}
