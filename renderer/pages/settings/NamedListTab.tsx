import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import type { TableColumnsType } from 'antd';
import type { NamedEntry } from '../../../db/model/reference';
import { invoke } from '../../api';
import { ReferenceModal } from './ReferenceModal';
import { ReferenceTable } from './ReferenceTable';
import { countText, RowActions, StatusCell } from './RowActions';
import { useEditTarget, type ReferenceTabProps } from './reference-tab';

interface NameValues {
  name?: string;
}

/** What differs between the two lists that are names only: the words, and where a save goes. */
const LISTS = {
  level: {
    noun: '级别',
    column: '级别名称',
    hint: '项目列入的重点项目名单，一个项目可列入多个；统计、筛选和按级别导出台账都按这里的名单。',
    example: '如“省重点”“湘潭市重点”“市本级重点”',
    empty: '还没有项目级别，请点击“新增级别”。',
    save: (input: { id?: number; version?: number; name: string }) => invoke('reference.saveLevel', input),
    entries: (data: ReferenceTabProps['data']) => data.levels,
  },
  township: {
    noun: '乡镇/街道',
    column: '乡镇/街道名称',
    hint: '项目所在的乡镇或街道，按乡镇统计排名用它。',
    example: '写全称，如“金石镇”“东山街道”',
    empty: '还没有乡镇/街道，请点击“新增乡镇/街道”。',
    save: (input: { id?: number; version?: number; name: string }) => invoke('reference.saveTownship', input),
    entries: (data: ReferenceTabProps['data']) => data.townships,
  },
} as const;

function NamedListTab({ kind, data, onSaved }: ReferenceTabProps & { kind: keyof typeof LISTS }) {
  const list = LISTS[kind];
  const entries = list.entries(data);
  const editor = useEditTarget<NamedEntry>();

  const columns: TableColumnsType<NamedEntry> = [
    { title: '序号', key: 'index', width: 56, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    { title: list.column, dataIndex: 'name' },
    { title: '项目数', dataIndex: 'projectCount', width: 80, align: 'right', className: 'num' },
    { title: '状态', dataIndex: 'retired', width: 70, render: (retired: boolean) => <StatusCell retired={retired} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, entry) => (
        <RowActions kind={kind} record={entry} onEdit={() => editor.edit(entry)} onSaved={onSaved} />
      ),
    },
  ];

  async function save(values: NameValues) {
    onSaved(await list.save({ id: editor.target?.id, version: editor.target?.version, name: values.name ?? '' }));
  }

  return (
    <div className="settings-tab settings-tab-narrow">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
          新增{list.noun}
        </Button>
        <span className="zd-muted zd-small">
          {countText(entries)}。{list.hint}
        </span>
      </div>
      <ReferenceTable<NamedEntry> columns={columns} rows={entries} onEdit={editor.edit} emptyText={list.empty} />
      <ReferenceModal<NameValues>
        title={editor.target ? `编辑${list.noun}：${editor.target.name}` : `新增${list.noun}`}
        open={editor.open}
        firstField="name"
        initialValues={{ name: editor.target?.name ?? '' }}
        onClose={editor.close}
        onSave={save}
      >
        <Form.Item label={list.column} name="name" required extra={list.example}>
          <Input maxLength={30} placeholder={`请输入${list.column}`} />
        </Form.Item>
      </ReferenceModal>
    </div>
  );
}

export const LevelsTab = (props: ReferenceTabProps) => <NamedListTab kind="level" {...props} />;
export const TownshipsTab = (props: ReferenceTabProps) => <NamedListTab kind="township" {...props} />;
