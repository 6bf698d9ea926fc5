import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ContactLeader } from '../../../db/model/reference';
import { invoke } from '../../api';
import { ReferenceModal } from './ReferenceModal';
import { ReferenceTable } from './ReferenceTable';
import { countText, RowActions, StatusCell } from './RowActions';
import { useEditTarget, type ReferenceTabProps } from './reference-tab';

interface LeaderValues {
  name?: string;
  title?: string;
}

/** 设置 › 包挂领导: the city leaders the office assigns to key projects besides their 链长 (issue #17). */
export function ContactLeadersTab({ data, onSaved }: ReferenceTabProps) {
  const editor = useEditTarget<ContactLeader>();
  const leaders = data.contactLeaders;

  const columns: TableColumnsType<ContactLeader> = [
    { title: '序号', key: 'index', width: 56, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    { title: '姓名', dataIndex: 'name', width: 160 },
    { title: '职务', dataIndex: 'title' },
    { title: '包挂项目数', dataIndex: 'projectCount', width: 96, align: 'right', className: 'num' },
    { title: '状态', dataIndex: 'retired', width: 70, render: (retired: boolean) => <StatusCell retired={retired} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, leader) => (
        <RowActions kind="contactLeader" record={leader} onEdit={() => editor.edit(leader)} onSaved={onSaved} />
      ),
    },
  ];

  async function save(values: LeaderValues) {
    onSaved(
      await invoke('reference.saveContactLeader', {
        id: editor.target?.id,
        version: editor.target?.version,
        name: values.name ?? '',
        title: values.title ?? '',
      }),
    );
  }

  const leader = editor.target;
  return (
    <div className="settings-tab settings-tab-medium">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
          新增包挂领导
        </Button>
        <span className="zd-muted zd-small">
          {countText(leaders)}。包挂（联系）重点项目的市领导，在项目表单中选定；领导换岗时停用旧名、新增新名。
        </span>
      </div>
      <ReferenceTable<ContactLeader>
        columns={columns}
        rows={leaders}
        onEdit={editor.edit}
        emptyText={'还没有包挂领导，请点击“新增包挂领导”。'}
      />
      <ReferenceModal<LeaderValues>
        title={leader ? `编辑包挂领导：${leader.name}` : '新增包挂领导'}
        open={editor.open}
        firstField="name"
        initialValues={{ name: leader?.name ?? '', title: leader?.title ?? '' }}
        onClose={editor.close}
        onSave={save}
      >
        <Form.Item label="姓名" name="name" required>
          <Input maxLength={30} placeholder="领导姓名" />
        </Form.Item>
        <Form.Item label="职务" name="title">
          <Input maxLength={50} placeholder="如：市委常委、常务副市长" />
        </Form.Item>
      </ReferenceModal>
    </div>
  );
}
