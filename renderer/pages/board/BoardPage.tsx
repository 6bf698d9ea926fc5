import { Alert, App, Button, Empty, Spin } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CHANGE_KINDS } from '../../../db/model/change-event';
import type { ProjectListRow } from '../../../db/model/project-list';
import type { ProjectDetail } from '../../../db/model/project';
import type { ReferenceData } from '../../../db/model/reference';
import type { Stage } from '../../../db/model/stages';
import { invoke } from '../../api';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { StageChangeDialog } from '../../components/StageChangeDialog';
import { boardColumns, moveRefusal } from './board-model';
import { loadBoardSession, saveBoardSession } from './board-session';
import { BoardColumn, type DropState } from './BoardColumn';
import { BoardToolbar } from './BoardToolbar';
import { StageMoveMenu, type MenuRequest } from './StageMoveMenu';
import './board.css';

/** 阶段看板: one column per stage; moving a card is a stage change, through the same dialog as the project page. */
export function BoardPage() {
  const projects = useApi('projects.list', {});
  const reference = useApi('reference.list', {});
  // another clerk's change: the cards are read again in place
  useLiveChanges(CHANGE_KINDS, (events) => {
    void projects.reload();
    if (events.some((event) => event.kind === 'reference' || event.kind === 'library')) void reference.reload();
  });
  const error = projects.error ?? reference.error;
  if (error && (!projects.data || !reference.data)) {
    const retry = () => void Promise.all([projects.reload(), reference.reload()]);
    return (
      <div className="zd-page">
        <Alert
          type="error"
          showIcon
          title="阶段看板读取失败"
          description={error.message}
          action={
            <Button size="small" onClick={retry}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!projects.data || !reference.data) {
    return (
      <div className="zd-stack zd-loading">
        <Spin size="large" description="正在读取项目…">
          <div className="zd-loading-box" />
        </Spin>
      </div>
    );
  }
  return <BoardView projects={projects.data} reference={reference.data} reload={projects.reload} />;
}

interface BoardViewProps {
  projects: ProjectListRow[];
  reference: ReferenceData;
  reload(): Promise<void>;
}

interface Move {
  project: ProjectDetail;
  target: Stage;
}

function BoardView({ projects, reference, reload }: BoardViewProps) {
  const { message } = App.useApp();
  const [start] = useState(loadBoardSession);
  const [filters, setFilters] = useState(start.filters);
  const [completedCollapsed, setCompletedCollapsed] = useState(start.completedCollapsed);
  // typing stays instant while thousands of cards are regrouped behind it
  const deferredFilters = useDeferredValue(filters);
  const columns = useMemo(() => boardColumns(projects, deferredFilters), [projects, deferredFilters]);
  const shownCount = columns.reduce((n, c) => n + c.projects.length, 0);

  const [dragging, setDragging] = useState<ProjectListRow | null>(null);
  const [overStage, setOverStage] = useState<Stage | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [movedId, setMovedId] = useState<number | null>(null);
  const [menu, setMenu] = useState<MenuRequest | null>(null);

  useEffect(() => {
    saveBoardSession({ filters, completedCollapsed });
  }, [filters, completedCollapsed]);

  const requestMove = useCallback(
    async (project: ProjectListRow, to: Stage) => {
      if (project.stage === to) return;
      const refusal = moveRefusal(project, to);
      if (refusal) {
        void message.warning(refusal);
        return;
      }
      let detail: ProjectDetail;
      try {
        detail = await invoke('projects.get', { id: project.id });
      } catch (error) {
        void message.error(`项目读取失败：${(error as Error).message}`);
        return;
      }
      if (detail.stage !== project.stage) {
        // someone changed it since the board was drawn: show the board as it is before asking anything
        void message.info('该项目的阶段已有变化，看板已刷新，请重新操作');
        void reload();
        return;
      }
      setMove({ project: detail, target: to });
      setDialogOpen(true);
    },
    [message, reload],
  );

  // A press on the ⋮ of the open menu closes it (as a click outside would), and the click that follows must not reopen it.
  const menuRef = useRef<MenuRequest | null>(null);
  useEffect(() => {
    menuRef.current = menu;
  }, [menu]);
  const pressedOpenButton = useRef(false);
  const pressMenuButton = useCallback((button: HTMLElement) => {
    pressedOpenButton.current = menuRef.current?.button === button;
  }, []);
  const openMenu = useCallback((project: ProjectListRow, button: HTMLElement) => {
    if (pressedOpenButton.current) {
      pressedOpenButton.current = false;
      return;
    }
    setMenu({ project, button });
  }, []);
  const endDrag = useCallback(() => {
    setDragging(null);
    setOverStage(null);
  }, []);
  function dropOn(stage: Stage) {
    const project = dragging;
    endDrag();
    if (project) void requestMove(project, stage);
  }
  function dropStateOf(stage: Stage): DropState {
    if (!dragging) return 'idle';
    if (dragging.stage === stage) return 'source';
    return moveRefusal(dragging, stage) ? 'refused' : 'target';
  }

  return (
    <div className="zd-page">
      <BoardToolbar
        projects={projects}
        reference={reference}
        filters={filters}
        shownCount={shownCount}
        onChange={setFilters}
      />
      {projects.length === 0 ? (
        <div className="zd-grid-blank">
          <Empty description="还没有项目，请先在项目库中新增项目" />
        </div>
      ) : (
        <div className="board-columns" onScrollCapture={() => menu && setMenu(null)}>
          {columns.map((column) => (
            <BoardColumn
              key={column.stage}
              column={column}
              collapsed={column.stage === 'completed' && completedCollapsed}
              onToggleCollapsed={
                column.stage === 'completed' ? () => setCompletedCollapsed((collapsed) => !collapsed) : undefined
              }
              dropState={dropStateOf(column.stage)}
              over={overStage === column.stage}
              highlightedId={movedId}
              draggingId={dragging?.id ?? null}
              onCardDragStart={setDragging}
              onCardDragEnd={endDrag}
              onDragOverColumn={setOverStage}
              onDropOnColumn={dropOn}
              onOpenMenu={openMenu}
              onPressMenu={pressMenuButton}
            />
          ))}
        </div>
      )}
      <StageMoveMenu
        request={menu}
        onPick={(project, to) => void requestMove(project, to)}
        onClose={() => setMenu(null)}
      />
      {move && (
        <StageChangeDialog
          project={move.project}
          initialTarget={move.target}
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          onChanged={(changed) => {
            setDialogOpen(false);
            setMovedId(changed.id);
            if (changed.stage === 'completed') setCompletedCollapsed(false);
            void reload();
          }}
        />
      )}
    </div>
  );
}
