import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, InputNumber, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  DEFAULT_APPROVAL_TEMPLATES,
  type ApprovalTemplateItem,
  type ApprovalTemplates,
} from '../../../db/model/approvals';
import { CATEGORY_LABELS, type Category } from '../../../db/model/project';
import { invoke } from '../../api';
import { RIGHT_ALIGNED_INPUT } from './number-input';
import { durationError } from './template-draft';
import { RowOrderButtons } from '../../ui/RowOrderButtons';

/** The server's limit on one template. */
const MAX_ITEMS = 50;

interface DraftItem {
  key: number;
  name: string;
  department: string;
  durationDays: number | null;
}

let nextKey = 1;
function moveItem(items: readonly DraftItem[], index: number, step: -1 | 1): DraftItem[] {
  const target = index + step;
  if (target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}
const toDraft = (items: readonly ApprovalTemplateItem[]): DraftItem[] => items.map((i) => ({ key: nextKey++, ...i }));
const fromDraft = (items: readonly DraftItem[]): ApprovalTemplateItem[] =>
  items.map((i) => ({ name: i.name.trim(), department: i.department.trim(), durationDays: i.durationDays ?? 0 }));
const same = (a: readonly ApprovalTemplateItem[], b: readonly ApprovalTemplateItem[]) =>
  JSON.stringify(a) === JSON.stringify(b);

function nameErrors(items: readonly DraftItem[]): (string | null)[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const name = item.name.trim();
    if (!name) return '请填写手续名称';
    if (seen.has(name)) return '手续名称重复';
    seen.add(name);
    return null;
  });
}

/**
 * One 项目类别's 前期手续 template, edited as a draft and written whole by 保存. The parent remounts the card
 * after its save, which is how the stored template replaces the draft.
 */
export function ApprovalTemplateCard({
  category,
  saved,
  onSaved,
}: {
  category: Category;
  saved: ApprovalTemplateItem[];
  onSaved(templates: ApprovalTemplates): void;
}) {
  const { message } = App.useApp();
  const [items, setItems] = useState<DraftItem[]>(() => toDraft(saved));
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const label = CATEGORY_LABELS[category];
  const namesWrong = nameErrors(items);
  const invalid = namesWrong.some(Boolean) || items.some((i) => durationError(i.durationDays) !== null);
  const dirty = invalid || !same(fromDraft(items), saved);

  function edit(next: DraftItem[]) {
    setItems(next);
    setServerError(null);
  }
  const update = (index: number, change: Partial<DraftItem>) =>
    edit(items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  async function write(list: ApprovalTemplateItem[], kind: 'save' | 'reset') {
    setBusy(kind);
    try {
      onSaved(await invoke('approvals.saveTemplate', { category, items: list }));
      message.success(kind === 'save' ? `已保存“${label}”前期手续模板` : `“${label}”前期手续模板已恢复默认`);
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<DraftItem> = [
    { title: '序号', key: 'order', width: 48, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    {
      title: '手续名称',
      dataIndex: 'name',
      render: (_, item, index) => (
        <Flex align="center" gap={8}>
          <Input
            className="tpl-name"
            size="small"
            value={item.name}
            maxLength={50}
            autoFocus={item.key === addedKey}
            aria-label={`${label}第${index + 1}项手续名称`}
            status={namesWrong[index] ? 'error' : undefined}
            placeholder="手续名称"
            onChange={(e) => update(index, { name: e.target.value })}
          />
          {namesWrong[index] && (
            <span className="tpl-cell-error zd-nowrap zd-text-red zd-small">{namesWrong[index]}</span>
          )}
        </Flex>
      ),
    },
    {
      title: '审批部门',
      dataIndex: 'department',
      width: 120,
      render: (_, item, index) => (
        <Input
          size="small"
          value={item.department}
          maxLength={50}
          aria-label={`${label}第${index + 1}项审批部门`}
          onChange={(e) => update(index, { department: e.target.value })}
        />
      ),
    },
    {
      title: '办理时限（天）',
      dataIndex: 'durationDays',
      width: 110,
      render: (_, item, index) => {
        const error = durationError(item.durationDays);
        return (
          <InputNumber<number>
            size="small"
            className="tpl-days"
            styles={RIGHT_ALIGNED_INPUT}
            value={item.durationDays}
            controls={false}
            aria-label={`${label}第${index + 1}项办理时限`}
            status={error ? 'error' : undefined}
            title={error ?? undefined}
            onChange={(value) => update(index, { durationDays: value })}
          />
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 92,
      render: (_, item, index) => (
        <span className="tpl-actions">
          <RowOrderButtons
            name={item.name || '该手续'}
            first={index === 0}
            last={index === items.length - 1}
            onMove={(step) => edit(moveItem(items, index, step))}
            onDelete={() => edit(items.filter((_, i) => i !== index))}
          />
        </span>
      ),
    },
  ];

  const defaults = DEFAULT_APPROVAL_TEMPLATES[category];
  return (
    <section className="tpl-card" aria-label={`${label}前期手续模板`}>
      <header className="tpl-card-head">
        <h3 className="zd-card-title">{label}</h3>
        <span className="zd-muted zd-small">{items.length}项手续</span>
        {dirty && (
          <Tag color="orange" className="tpl-unsaved">
            未保存
          </Tag>
        )}
      </header>
      <Table<DraftItem>
        className="tpl-table"
        classNames={{ header: { cell: 'zd-cell-line' } }}
        styles={{ body: { cell: { paddingBlock: 3 } } }}
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '暂无手续，该类项目建立清单时没有可列出的手续' }}
      />
      {serverError && <div className="tpl-error zd-text-red zd-small">{serverError}</div>}
      <footer className="tpl-card-foot">
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={items.length >= MAX_ITEMS}
          onClick={() => {
            const added = { key: nextKey++, name: '', department: '', durationDays: 20 };
            setAddedKey(added.key);
            edit([...items, added]);
          }}
        >
          新增手续
        </Button>
        <span className="tpl-foot-gap" />
        <Popconfirm
          title={`恢复“${label}”默认模板？`}
          description={
            <div className="tpl-confirm">
              将改回默认的{defaults.length}项手续，本模板的修改不再保留。已建立的项目清单不受影响。
            </div>
          }
          okText="恢复默认"
          cancelText="取消"
          onConfirm={() => write(defaults, 'reset')}
        >
          <Button size="small" loading={busy === 'reset'} disabled={busy === 'save'}>
            恢复默认
          </Button>
        </Popconfirm>
        <Button
          size="small"
          type="primary"
          loading={busy === 'save'}
          disabled={!dirty || busy === 'reset'}
          onClick={() => {
            if (invalid) setServerError('有填写不正确的地方，请按提示改正后再保存');
            else void write(fromDraft(items), 'save');
          }}
        >
          保存
        </Button>
      </footer>
    </section>
  );
}
