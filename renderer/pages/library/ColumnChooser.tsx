import { TableOutlined } from '@ant-design/icons';
import type { ReactTable } from '@tanstack/react-table';
import { Button, Checkbox, Popover } from 'antd';
import type { LitProjectRow } from '../../../db/model/overview';
import type { LibraryFeatures } from './library-columns';

interface ColumnChooserProps {
  table: ReactTable<LibraryFeatures, LitProjectRow>;
  onReset(): void;
}

/** The 列 button: a checkbox per column; 项目编号 and 项目名称 always stay. */
export function ColumnChooser({ table, onReset }: ColumnChooserProps) {
  const content = (
    <div className="library-column-menu">
      <div className="library-column-list">
        {table.getAllLeafColumns().map((column) => (
          <Checkbox
            key={column.id}
            checked={column.getIsVisible()}
            disabled={!column.getCanHide()}
            onChange={(e) => column.toggleVisibility(e.target.checked)}
          >
            {column.columnDef.meta?.label}
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
