import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Park } from '../../../db/model/reference';
import { invoke } from '../../api';
import { ReferenceModal } from './ReferenceModal';
import { ReferenceTable } from './ReferenceTable';
import { countText, RowActions, StatusCell } from './RowActions';
import { useEditTarget, type ReferenceTabProps } from './reference-tab';

interface ParkValues {
  name?: string;
  area?: string;
  focus?: string;
}

export function ParksTab({ data, onSaved }: ReferenceTabProps) {
  const editor = useEditTarget<Park>();
  const areas = [...new Set(data.parks.map((park) => park.area).filter(Boolean))];

  const columns: TableColumnsType<Park> = [
    { title: '序号', key: 'index', width: 56, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    { title: '园区/片区名称', dataIndex: 'name' },
    { title: '所属区域', dataIndex: 'area', width: 100 },
    { title: '主导产业', dataIndex: 'focus', width: 200 },
    { title: '项目数', dataIndex: 'projectCount', width: 80, align: 'right', className: 'num' },
    { title: '状态', dataIndex: 'retired', width: 70, render: (retired: boolean) => <StatusCell retired={retired} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, park) => <RowActions kind="park" record={park} onEdit={() => editor.edit(park)} onSaved={onSaved} />,
    },
  ];

  async function save(values: ParkValues) {
    onSaved(
      await invoke('reference.savePark', {
        id: editor.target?.id,
        version: editor.target?.version,
        name: values.name ?? '',
        area: values.area ?? '',
        focus: values.focus ?? '',
      }),
    );
  }

  const park = editor.target;
  return (
    <div className="settings-tab settings-tab-medium">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
          新增园区
        </Button>
        <span className="zd-muted zd-small">{countText(data.parks)}。按规划“一核心三片区”布局，可按实际增补。</span>
      </div>
      <ReferenceTable<Park>
        columns={columns}
        rows={data.parks}
        onEdit={editor.edit}
        emptyText={'还没有园区/片区，请点击“新增园区”。'}
      />
      <ReferenceModal<ParkValues>
        title={park ? `编辑园区/片区：${park.name}` : '新增园区/片区'}
        open={editor.open}
        firstField="name"
        initialValues={{ name: park?.name ?? '', area: park?.area ?? '', focus: park?.focus ?? '' }}
        onClose={editor.close}
        onSave={save}
      >
        <Form.Item label="名称" name="name" required>
          <Input maxLength={50} placeholder="如：金石工业片区" />
        </Form.Item>
        <Form.Item label="所属区域" name="area">
          <AutoComplete
            style={{ width: 160 }}
            maxLength={20}
            placeholder="如：一核心、三片区"
            options={areas.map((area) => ({ value: area }))}
          />
        </Form.Item>
        <Form.Item label="主导产业" name="focus">
          <Input maxLength={50} placeholder="如：先进装备制造" />
        </Form.Item>
      </ReferenceModal>
    </div>
  );
}
