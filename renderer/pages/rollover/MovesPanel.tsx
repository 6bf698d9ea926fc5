import { Button, Checkbox, Empty } from 'antd';
import { Fragment } from 'react';
import type { StageMove } from '../../../db/model/rollover';
import { StageTag } from '../../ui/StageTag';
import { countByKind, MOVE_KIND_LABELS, moveKind, sortedMoves, type MoveKind } from './rollover-summary';

interface MovesPanelProps {
  moves: readonly StageMove[];
  selected: ReadonlySet<number>;
  onSelect(next: Set<number>): void;
  /** the office's own proposal, for 恢复建议 */
  proposed: ReadonlySet<number>;
}

/** Step 2, left: every proposed stage move with a tick each, grouped by kind. */
export function MovesPanel({ moves, selected, onSelect, proposed }: MovesPanelProps) {
  const counts = countByKind(moves, selected);
  const ordered = sortedMoves(moves);
  const selectedCount = moves.filter((m) => selected.has(m.projectId)).length;

  function toggle(projectId: number, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(projectId);
    else next.delete(projectId);
    onSelect(next);
  }
  function toggleKind(kind: MoveKind, on: boolean) {
    const next = new Set(selected);
    for (const m of moves) {
      if (moveKind(m) !== kind) continue;
      if (on) next.add(m.projectId);
      else next.delete(m.projectId);
    }
    onSelect(next);
  }

  return (
    <section className="rollover-panel rollover-moves" aria-label="阶段变更">
      <header className="rollover-panel-head">
        <h2 className="zd-card-title">阶段变更</h2>
        <span className="zd-muted zd-nowrap">
          已选 <b className="num">{selectedCount}</b> / 共 <span className="num">{moves.length}</span> 个项目
        </span>
        <span className="zd-gap" />
        <Button size="small" onClick={() => onSelect(new Set(moves.map((m) => m.projectId)))}>
          全选
        </Button>
        <Button size="small" onClick={() => onSelect(new Set())}>
          全不选
        </Button>
        <Button size="small" onClick={() => onSelect(new Set(proposed))} title="回到系统建议的勾选">
          恢复建议
        </Button>
      </header>
      <div className="rollover-kinds">
        {counts.map(({ kind, selected: ticked, total }) => (
          <Checkbox
            key={kind}
            disabled={total === 0}
            checked={total > 0 && ticked === total}
            indeterminate={ticked > 0 && ticked < total}
            onChange={(e) => toggleKind(kind, e.target.checked)}
          >
            {MOVE_KIND_LABELS[kind]}{' '}
            <span className="num zd-faint">
              {ticked}/{total}
            </span>
          </Checkbox>
        ))}
      </div>
      <div className="zd-grid-scroll rollover-scroll">
        {moves.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要变更阶段的项目" />
        ) : (
          <table className="zd-grid rollover-table rollover-moves-table">
            <colgroup>
              <col style={{ width: 34 }} />
              <col style={{ width: 100 }} />
              <col />
              <col style={{ width: 136 }} />
              <col style={{ width: 184 }} />
            </colgroup>
            <thead>
              <tr>
                <th aria-label="是否结转" />
                <th>项目编号</th>
                <th>项目名称</th>
                <th>阶段变更</th>
                <th>依据</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((move, index) => {
                const kind = moveKind(move);
                const startsGroup = index === 0 || moveKind(ordered[index - 1]) !== kind;
                const on = selected.has(move.projectId);
                const total = counts.find((c) => c.kind === kind)?.total ?? 0;
                return (
                  <Fragment key={move.projectId}>
                    {startsGroup && (
                      <tr className="rollover-group">
                        <td colSpan={5}>
                          {MOVE_KIND_LABELS[kind]}（{total}个）
                        </td>
                      </tr>
                    )}
                    <tr className={on ? undefined : 'is-off'} onClick={() => toggle(move.projectId, !on)}>
                      <td onClick={(e) => e.stopPropagation()}>
                        <Checkbox
                          aria-label={`结转：${move.name}`}
                          checked={on}
                          onChange={(e) => toggle(move.projectId, e.target.checked)}
                        />
                      </td>
                      <td className="num rollover-code">{move.code}</td>
                      <td className="rollover-name" title={move.name}>
                        {move.name}
                      </td>
                      <td>
                        <StageTag stage={move.fromStage} />
                        <span className="rollover-arrow zd-faint">→</span>
                        <StageTag stage={move.toStage} />
                      </td>
                      <td className="zd-muted zd-small" title={move.reason}>
                        {move.reason}
                      </td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
