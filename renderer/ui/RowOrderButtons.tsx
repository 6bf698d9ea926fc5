import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

interface Props {
  /** the row as a screen reader names it: 上移{name}, 删除{name} */
  name: string;
  first: boolean;
  last: boolean;
  onMove(step: -1 | 1): void;
  onDelete(): void;
  /** a saved list's row asks before it goes; a template's draft row goes at once (the card has 恢复默认) */
  confirmDelete?: { title: string; description: string };
}

/** 上移 / 下移 / 删除 of a row in an ordered list the clerk edits before saving (节点, 前期手续, their templates). */
export function RowOrderButtons({ name, first, last, onMove, onDelete, confirmDelete }: Props) {
  const deleteButton = (
    <Button
      type="text"
      size="small"
      danger
      icon={<DeleteOutlined />}
      aria-label={`删除${name}`}
      title="删除"
      onClick={confirmDelete ? undefined : onDelete}
    />
  );
  return (
    <>
      <Button
        type="text"
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={`上移${name}`}
        title="上移"
        disabled={first}
        onClick={() => onMove(-1)}
      />
      <Button
        type="text"
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={`下移${name}`}
        title="下移"
        disabled={last}
        onClick={() => onMove(1)}
      />
      {confirmDelete ? (
        <Popconfirm
          title={confirmDelete.title}
          description={confirmDelete.description}
          okText="删除"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={onDelete}
        >
          {deleteButton}
        </Popconfirm>
      ) : (
        deleteButton
      )}
    </>
  );
}
