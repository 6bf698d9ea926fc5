import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Chain, Unit } from '../../../db/model/reference';
import { invoke } from '../../api';
import { useMayCall } from '../../app/session/session';
import { ReferenceModal } from './ReferenceModal';
import { ReferenceTable } from './ReferenceTable';
import { countText, RowActions, StatusCell } from './RowActions';
import { useEditTarget, type ReferenceTabProps } from './reference-tab';

const INDUSTRY_GROUPS = ['优势产业', '传统产业', '未来产业'];
const YUAN_PER_YI = 100_000_000;
const yiFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** What the dialog holds; a field the clerk cleared comes back undefined. */
interface ChainValues {
  code?: string;
  name?: string;
  industryGroup?: string;
  chainLead?: string;
  leadUnitId?: number;
}

function formatYi(yuan: number | null): string {
  return yuan === null ? '' : yiFormat.format(yuan / YUAN_PER_YI);
}

export function ChainsTab({ data, onSaved }: ReferenceTabProps) {
  const editor = useEditTarget<Chain>();
  const mayEdit = useMayCall()('reference.saveChain');

  const columns: TableColumnsType<Chain> = [
    { title: '代码', dataIndex: 'code', width: 64 },
    { title: '产业链', dataIndex: 'name', width: 160 },
    { title: '产业类别', dataIndex: 'industryGroup', width: 90 },
    { title: '链长', dataIndex: 'chainLead', width: 220 },
    { title: '牵头单位', dataIndex: 'leadUnitName', width: 180 },
    {
      title: '2025年目标产值（亿元）',
      dataIndex: 'target2025Yuan',
      width: 172,
      align: 'right',
      className: 'num',
      render: (value: number | null) => formatYi(value),
    },
    { title: '项目数', dataIndex: 'projectCount', width: 70, align: 'right', className: 'num' },
    { title: '状态', dataIndex: 'retired', width: 70, render: (retired: boolean) => <StatusCell retired={retired} /> },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, chain) => (
        <RowActions kind="chain" record={chain} onEdit={() => editor.edit(chain)} onSaved={onSaved} />
      ),
    },
  ];

  async function save(values: ChainValues) {
    onSaved(
      await invoke('reference.saveChain', {
        id: editor.target?.id,
        version: editor.target?.version,
        code: values.code ?? '',
        name: values.name ?? '',
        industryGroup: values.industryGroup ?? '',
        chainLead: values.chainLead ?? '',
        leadUnitId: values.leadUnitId ?? null,
      }),
    );
  }

  const chain = editor.target;
  return (
    <div className="settings-tab">
      <div className="settings-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={editor.add}>
          新增产业链
        </Button>
        <span className="zd-muted zd-small">
          {countText(data.chains)}。链长、牵头单位随产业链带入新项目{mayEdit ? '；双击一行可编辑' : ''}。
        </span>
      </div>
      <ReferenceTable<Chain>
        columns={columns}
        rows={data.chains}
        onEdit={editor.edit}
        emptyText={'还没有产业链，请点击“新增产业链”。'}
      />
      <ReferenceModal<ChainValues>
        title={chain ? `编辑产业链：${chain.name}` : '新增产业链'}
        open={editor.open}
        firstField="name"
        initialValues={{
          code: chain?.code ?? '',
          name: chain?.name ?? '',
          industryGroup: chain?.industryGroup || undefined,
          chainLead: chain?.chainLead ?? '',
          leadUnitId: chain?.leadUnitId ?? undefined,
        }}
        onClose={editor.close}
        onSave={save}
      >
        <Form.Item label="产业链名称" name="name" required>
          <Input maxLength={30} placeholder="如：电子信息" />
        </Form.Item>
        <Form.Item
          label="产业链代码"
          name="code"
          required
          normalize={(value: string) => value.toUpperCase()}
          extra="2—6位大写字母，用作项目编号前缀，如 DZ-2026-001"
        >
          <Input maxLength={6} style={{ width: 120 }} placeholder="如：DZ" />
        </Form.Item>
        <Form.Item label="产业类别" name="industryGroup">
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder="请选择"
            options={INDUSTRY_GROUPS.map((group) => ({ value: group, label: group }))}
          />
        </Form.Item>
        <Form.Item label="链长" name="chainLead" extra="填写市领导职务或姓名；新项目选择该产业链时自动带出">
          <Input maxLength={50} placeholder="如：市委常委、常务副市长" />
        </Form.Item>
        <Form.Item label="牵头单位" name="leadUnitId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择牵头单位"
            options={leadUnitOptions(data.units, chain?.leadUnitId ?? null)}
            notFoundContent="没有在用的单位，请先在“单位”中新增"
          />
        </Form.Item>
      </ReferenceModal>
    </div>
  );
}

/** Units still in use, plus the chain's current one even if it has since been retired. */
function leadUnitOptions(units: Unit[], currentId: number | null) {
  return units
    .filter((unit) => !unit.retired || unit.id === currentId)
    .map((unit) => ({ value: unit.id, label: unit.retired ? `${unit.name}（已停用）` : unit.name }));
}
