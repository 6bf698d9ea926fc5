import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { Unit } from '../../../db/model/reference';
import { STAGE_LABELS } from '../../../db/model/stages';
import type { DraftNode, DraftPatch } from './milestone-draft';
import { milestoneStatus } from './milestone-status';
import { referenceOptions } from './reference-options';
import { RowOrderButtons } from '../../ui/RowOrderButtons';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY.M.D'];
const dateOf = (text: string | null) => (text ? dayjs(text) : null);

interface Props {
  nodes: DraftNode[];
  /** rows that differ from what is saved */
  changed: Set<string>;
  today: string;
  dueDays: number;
  units: Unit[];
  onChange(key: string, patch: DraftPatch): void;
  onMove(key: string, by: -1 | 1): void;
  onDelete(key: string): void;
}

/** The node table: every cell edits in place, like a sheet; nothing is written until 保存节点. */
export function MilestoneEditor({ nodes, changed, today, dueDays, units, onChange, onMove, onDelete }: Props) {
  return (
    <table className="zd-table ms-grid">
      <colgroup>
        <col style={{ width: 44 }} />
        <col style={{ width: '22%' }} />
        <col style={{ width: 56 }} />
        <col style={{ width: 128 }} />
        <col style={{ width: 128 }} />
        <col style={{ width: '17%' }} />
        <col />
        <col style={{ width: 96 }} />
        <col style={{ width: 88 }} />
      </colgroup>
      <thead>
        <tr>
          <th className="num">序号</th>
          <th>节点名称</th>
          <th>阶段</th>
          <th>计划日期</th>
          <th>实际日期</th>
          <th>责任单位</th>
          <th>备注</th>
          <th>状态</th>
          <th>操作</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node, index) => {
          const futureActual = node.actualDate !== null && node.actualDate > today;
          const status = futureActual ? { state: 'invalid', label: '日期有误' } : milestoneStatus(node, today, dueDays);
          const label = node.name.trim() || `第${index + 1}个节点`;
          return (
            <tr key={node.key} className={changed.has(node.key) ? 'ms-row-changed' : undefined}>
              <td className="num ms-index">{index + 1}</td>
              <td>
                <Input
                  value={node.name}
                  variant="borderless"
                  maxLength={50}
                  placeholder="节点名称"
                  aria-label={`第${index + 1}行节点名称`}
                  status={node.name.trim() ? undefined : 'error'}
                  onChange={(e) => onChange(node.key, { name: e.target.value })}
                />
              </td>
              <td className="ms-stage zd-faint">{node.stage ? STAGE_LABELS[node.stage] : ''}</td>
              <td>
                <DatePicker
                  className="ms-date"
                  value={dateOf(node.plannedDate)}
                  variant="borderless"
                  format={DATE_FORMATS}
                  placeholder="年-月-日"
                  aria-label={`${label}计划日期`}
                  onChange={(d) => onChange(node.key, { plannedDate: d ? d.format('YYYY-MM-DD') : null })}
                />
              </td>
              <td title={futureActual ? '实际日期不能晚于今天' : undefined}>
                <DatePicker
                  className="ms-date"
                  value={dateOf(node.actualDate)}
                  variant="borderless"
                  format={DATE_FORMATS}
                  placeholder="年-月-日"
                  aria-label={`${label}实际日期`}
                  status={futureActual ? 'error' : undefined}
                  onChange={(d) => onChange(node.key, { actualDate: d ? d.format('YYYY-MM-DD') : null })}
                />
              </td>
              <td>
                <Select
                  className="ms-unit"
                  value={node.unitId ?? undefined}
                  variant="borderless"
                  options={referenceOptions(units, [node.unitId])}
                  showSearch={{ optionFilterProp: 'label' }}
                  allowClear
                  placeholder="选择单位"
                  aria-label={`${label}责任单位`}
                  popupMatchSelectWidth={false}
                  onChange={(unitId?: number) => onChange(node.key, { unitId: unitId ?? null })}
                />
              </td>
              <td>
                <Input
                  value={node.note}
                  variant="borderless"
                  maxLength={200}
                  aria-label={`${label}备注`}
                  onChange={(e) => onChange(node.key, { note: e.target.value })}
                />
              </td>
              <td
                className={`ms-status zd-nowrap ms-${status.state}`}
                title={futureActual ? '实际日期不能晚于今天' : undefined}
              >
                {status.label}
              </td>
              <td className="ms-actions zd-nowrap">
                <RowOrderButtons
                  name={label}
                  first={index === 0}
                  last={index === nodes.length - 1}
                  onMove={(step) => onMove(node.key, step)}
                  onDelete={() => onDelete(node.key)}
                  confirmDelete={{ title: `删除节点“${label}”？`, description: '点“保存节点”后生效。' }}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
