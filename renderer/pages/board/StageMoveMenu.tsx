import { Dropdown } from 'antd';
import type { ProjectListRow } from '../../../db/model/project-list';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { moveTargets } from './board-model';

export interface MenuRequest {
  project: ProjectListRow;
  /** the card's ⋮ button: the menu opens under it and gives focus back to it */
  button: HTMLElement;
}

interface StageMoveMenuProps {
  request: MenuRequest | null;
  onPick(project: ProjectListRow, to: Stage): void;
  onClose(): void;
}

/**
 * The 推进/退回 menu, one for the whole board: a menu component on each of a thousand cards made
 * the board take a second to draw, so the cards carry plain buttons and this opens beside the one clicked.
 */
export function StageMoveMenu({ request, onPick, onClose }: StageMoveMenuProps) {
  if (!request) return null;
  const { project, button } = request;
  const rect = button.getBoundingClientRect();
  const close = () => {
    onClose();
    button.focus();
  };
  const items = moveTargets(project.stage).map((target) => ({
    key: target.stage,
    label: `${target.forward ? '推进到' : '退回'} ${STAGE_LABELS[target.stage]}`,
  }));
  return (
    <Dropdown
      open
      autoFocus
      trigger={['click']}
      placement="bottomRight"
      onOpenChange={(open) => {
        if (!open) close();
      }}
      menu={{
        items,
        onClick: ({ key }) => {
          close();
          onPick(project, key as Stage);
        },
      }}
    >
      <span
        className="board-menu-anchor"
        style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height }}
      />
    </Dropdown>
  );
}
