import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Unit } from '../../../db/model/reference';
import { invoke } from '../../api';
import { ReferenceModal } from './ReferenceModal';
import { ReferenceTable } from './ReferenceTable';
import { countText, RowActions, StatusCell } from './RowActions';
import { useEditTarget, type ReferenceTabProps } from './reference-tab';

interface UnitValues {
  name?: string;
}

export function UnitsTab({ data, onSaved }: ReferenceTabProps) {
  const editor = useEditTarget<Unit>();

  const columns: TableColumnsType<Unit> = [
    { title: '序号', key: 'index', width: 56, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    { title: '单位名称', dataIndex: 'name' },
    { title: '项目数', dataIndex: 'projectCount', width: 80, align: 'right', className: 'num' },
    { title: '状态', dataIndex: 'retired', width: 70, render: (retired: boolean) => <StatusCell retired={retired} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, unit) => <RowActions kind="unit" record={unit} onEdit={() => editor.edit(unit)} onSaved={onSaved} />,
    },
  ];

  async function save(values: UnitValues) {
    onSaved(
      await invoke('reference.saveUnit', {
        id: editor.target?.id,
        version: editor.target?.version,
        name: values.name ?? '',
      }),
    );
  }

  return (
    <div className="settings-tab settings-tab-narrow">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
          新增单位
        </Button>
        <span className="zd-muted zd-small">
          {countText(data.units)}。项目的牵头单位、责任单位从这里选择；项目数含牵头和参与负责的项目。
        </span>
      </div>
      <ReferenceTable<Unit>
        columns={columns}
        rows={data.units}
        onEdit={editor.edit}
        emptyText={'还没有单位，请点击“新增单位”。'}
      />
      <ReferenceModal<UnitValues>
        title={editor.target ? `编辑单位：${editor.target.name}` : '新增单位'}
        open={editor.open}
        firstField="name"
        initialValues={{ name: editor.target?.name ?? '' }}
        onClose={editor.close}
        onSave={save}
      >
        <Form.Item label="单位名称" name="name" required extra="写全称，如“市发展和改革局”“金石镇人民政府”">
          <Input maxLength={50} placeholder="请输入单位全称" />
        </Form.Item>
      </ReferenceModal>
    </div>
  );
}
