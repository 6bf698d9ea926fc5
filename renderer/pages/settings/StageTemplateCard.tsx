import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Popconfirm, Table, Tag, Flex } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { MilestoneTemplateNode } from '../../../db/model/milestones';
import { DEFAULT_MILESTONE_TEMPLATES } from '../../../db/model/milestones';
import { STAGE_LABELS, type Stage } from '../../../db/model/stages';
import type { MilestoneTemplates } from '../../../electron/api-spec';
import { invoke } from '../../api';
import { RIGHT_ALIGNED_INPUT } from './number-input';
import { RowOrderButtons } from '../../ui/RowOrderButtons';
import {
  anchorRuleDetail,
  anchorRuleText,
  blankNode,
  draftHasErrors,
  durationError,
  fromDraft,
  moveNode,
  nameErrors,
  sameNodes,
  toDraft,
  totalDays,
  type DraftNode,
} from './template-draft';

/** The server's limit on one template. */
const MAX_NODES = 50;

/**
 * One stage's template, edited as a draft and written whole by 保存. The parent remounts the card after
 * its save or reset, which is how the stored template replaces the draft.
 */
export function StageTemplateCard({
  stage,
  saved,
  onSaved,
}: {
  stage: Stage;
  saved: MilestoneTemplateNode[];
  onSaved(templates: MilestoneTemplates): void;
}) {
  const { message } = App.useApp();
  const [nodes, setNodes] = useState<DraftNode[]>(() => toDraft(saved));
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  // a node just added takes the cursor, so the clerk types its name straight away
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const label = STAGE_LABELS[stage];
  const invalid = draftHasErrors(nodes);
  const dirty = invalid || !sameNodes(fromDraft(nodes), saved);
  const namesWrong = nameErrors(nodes);

  function update(index: number, change: Partial<DraftNode>) {
    setNodes((current) => current.map((node, i) => (i === index ? { ...node, ...change } : node)));
    setServerError(null);
  }

  function edit(next: DraftNode[]) {
    setNodes(next);
    setServerError(null);
  }

  async function save() {
    if (invalid) {
      setServerError('有填写不正确的地方，请按提示改正后再保存');
      return;
    }
    setBusy('save');
    try {
      onSaved(await invoke('milestoneTemplates.save', { stage, nodes: fromDraft(nodes) }));
      message.success(`已保存“${label}”节点模板`);
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function reset() {
    setBusy('reset');
    try {
      onSaved(await invoke('milestoneTemplates.reset', { stage }));
      message.success(`“${label}”节点模板已恢复默认`);
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  const columns: TableColumnsType<DraftNode> = [
    { title: '序号', key: 'order', width: 48, align: 'right', className: 'num', render: (_, __, index) => index + 1 },
    {
      title: '节点名称',
      dataIndex: 'name',
      render: (_, node, index) => {
        const error = namesWrong[index];
        return (
          <Flex align="center" gap={8}>
            <Input
              className="tpl-name"
              size="small"
              value={node.name}
              maxLength={50}
              autoFocus={node.key === addedKey}
              aria-label={`${label}第${index + 1}个节点名称`}
              status={error ? 'error' : undefined}
              placeholder="节点名称"
              onChange={(e) => update(index, { name: e.target.value })}
            />
            {error && <span className="tpl-cell-error zd-nowrap zd-text-red zd-small">{error}</span>}
          </Flex>
        );
      },
    },
    {
      title: '工期（天）',
      dataIndex: 'durationDays',
      width: 196,
      render: (_, node, index) => {
        const error = durationError(node.durationDays);
        return (
          <Flex align="center" gap={8}>
            <InputNumber<number>
              size="small"
              className="tpl-days"
              styles={RIGHT_ALIGNED_INPUT}
              value={node.durationDays}
              controls={false}
              aria-label={`${label}第${index + 1}个节点工期`}
              status={error ? 'error' : undefined}
              onChange={(value) => update(index, { durationDays: value })}
            />
            {error && <span className="tpl-cell-error zd-nowrap zd-text-red zd-small">{error}</span>}
          </Flex>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 92,
      render: (_, node, index) => (
        <span className="tpl-actions">
          <RowOrderButtons
            name={node.name || '该节点'}
            first={index === 0}
            last={index === nodes.length - 1}
            onMove={(step) => edit(moveNode(nodes, index, step))}
            onDelete={() => edit(nodes.filter((_, i) => i !== index))}
          />
        </span>
      ),
    },
  ];

  const defaults = DEFAULT_MILESTONE_TEMPLATES[stage];
  return (
    <section className="tpl-card" aria-label={`${label}节点模板`}>
      <header className="tpl-card-head">
        <h3 className="zd-card-title">{label}</h3>
        <span className="zd-muted zd-small">{nodes.length}个节点</span>
        {dirty && (
          <Tag color="orange" className="tpl-unsaved">
            未保存
          </Tag>
        )}
        <span className="tpl-rule zd-small zd-secondary zd-nowrap">
          <b>{anchorRuleText(stage)}</b>
          <span className="tpl-total zd-num">合计{totalDays(nodes)}天</span>
        </span>
      </header>
      <Table<DraftNode>
        className="tpl-table"
        classNames={{ header: { cell: 'zd-cell-line' } }}
        styles={{ body: { cell: { paddingBlock: 3 } } }}
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={nodes}
        pagination={false}
        locale={{ emptyText: '暂无节点，倒排生成时不会生成任何节点' }}
      />
      <div className="tpl-rule-detail zd-muted zd-small">{anchorRuleDetail(stage)}。</div>
      {serverError && <div className="tpl-error zd-text-red zd-small">{serverError}</div>}
      <footer className="tpl-card-foot">
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={nodes.length >= MAX_NODES}
          onClick={() => {
            const added = blankNode();
            setAddedKey(added.key);
            edit([...nodes, added]);
          }}
        >
          新增节点
        </Button>
        <span className="tpl-foot-gap" />
        <Popconfirm
          title={`恢复“${label}”默认模板？`}
          description={
            <div className="tpl-confirm">
              将改回默认的{defaults.length}个节点及工期，本模板的修改不再保留。已生成到项目上的节点不受影响。
            </div>
          }
          okText="恢复默认"
          cancelText="取消"
          onConfirm={reset}
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
          onClick={save}
        >
          保存
        </Button>
      </footer>
    </section>
  );
}
