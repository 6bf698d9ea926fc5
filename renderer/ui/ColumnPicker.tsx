import { TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';

interface PickableColumn {
  id: string;
  getIsVisible(): boolean;
  getCanHide(): boolean;
  toggleVisibility(visible: boolean): void;
  columnDef: { meta?: unknown };
}

interface ColumnPickerProps {
  /** every column of a table with the column-visibility feature: `table.getAllLeafColumns()` */
  columns: PickableColumn[];
  onReset(): void;
}

/** The 列 button of a grid: a checkbox per column; columns that cannot hide stay ticked. */
export function ColumnPicker({ columns, onReset }: ColumnPickerProps) {
  const content = (
    <div className="zd-grid-columns">
      <div className="zd-grid-columns-list">
        {columns.map((column) => (
          <Checkbox
            key={column.id}
            checked={column.getIsVisible()}
            disabled={!column.getCanHide()}
            onChange={(e) => column.toggleVisibility(e.target.checked)}
          >
            {(column.columnDef.meta as { label?: string } | undefined)?.label}
          </Checkbox>
        ))}
      </div>
      <Button type="link" size="small" onClick={onReset}>
        恢复默认列
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示哪些列" content={content}>
      <Button icon={<TableOutlined />}>列</Button>
    </Popover>
  );
}
