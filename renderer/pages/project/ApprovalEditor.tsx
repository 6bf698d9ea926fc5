import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { APPROVAL_STATUSES, APPROVAL_STATUS_LABELS } from '../../../db/model/approvals';
import { ApprovalAttachmentSlot } from './ApprovalAttachmentSlot';
import { approvalHint, type ApprovalPatch, type DraftApproval } from './approval-draft';
import { RowOrderButtons } from '../../ui/RowOrderButtons';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY.M.D'];
const dateOf = (text: string | null) => (text ? dayjs(text) : null);
const STATUS_OPTIONS = APPROVAL_STATUSES.map((s) => ({ value: s, label: APPROVAL_STATUS_LABELS[s] }));

interface Props {
  items: DraftApproval[];
  /** rows that differ from what is saved */
  changed: Set<string>;
  today: string;
  dueDays: number;
  /** a leader or a unit reads the checklist; only the office edits it */
  readOnly: boolean;
  onChange(key: string, patch: ApprovalPatch): void;
  onMove(key: string, by: -1 | 1): void;
  onDelete(key: string): void;
}

/** The checklist: every cell edits in place, like a sheet (Tab moves on); nothing is written until 保存手续. */
export function ApprovalEditor({ items, changed, today, dueDays, readOnly, onChange, onMove, onDelete }: Props) {
  return (
    <table className="zd-table ms-grid ap-grid" aria-label="前期手续清单">
      <colgroup>
        <col style={{ width: 40 }} />
        <col style={{ width: '16%' }} />
        <col style={{ width: '10%' }} />
        <col style={{ width: 96 }} />
        <col style={{ width: 118 }} />
        <col style={{ width: 118 }} />
        <col style={{ width: '14%' }} />
        <col />
        <col style={{ width: 76 }} />
        <col style={{ width: 48 }} />
        {!readOnly && <col style={{ width: 84 }} />}
      </colgroup>
      <thead>
        <tr>
          <th className="num">序号</th>
          <th>手续名称</th>
          <th>审批部门</th>
          <th>办理状态</th>
          <th>计划办结</th>
          <th>实际办结</th>
          <th>批复文号</th>
          <th>备注</th>
          <th>提示</th>
          <th>附件</th>
          {!readOnly && <th>操作</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => {
          const hint = approvalHint(item, today, dueDays);
          const label = item.name.trim() || `第${index + 1}项手续`;
          const rowClass = [
            changed.has(item.key) ? 'ms-row-changed' : '',
            item.status === 'not_needed' ? 'ap-row-not-needed' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <tr key={item.key} className={rowClass || undefined}>
              <td className="num ms-index">{index + 1}</td>
              {readOnly ? (
                <>
                  <td className="ap-text">{item.name}</td>
                  <td className="ap-text">{item.department}</td>
                  <td className={`ap-text ap-status-${item.status}`}>{APPROVAL_STATUS_LABELS[item.status]}</td>
                  <td className="ap-text zd-num">{item.plannedDate}</td>
                  <td className="ap-text zd-num">{item.actualDate}</td>
                  <td className="ap-text">{item.docNumber}</td>
                  <td className="ap-text">{item.note}</td>
                </>
              ) : (
                <>
                  <td>
                    <Input
                      value={item.name}
                      variant="borderless"
                      maxLength={50}
                      placeholder="手续名称"
                      aria-label={`第${index + 1}行手续名称`}
                      status={item.name.trim() ? undefined : 'error'}
                      onChange={(e) => onChange(item.key, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <Input
                      value={item.department}
                      variant="borderless"
                      maxLength={50}
                      aria-label={`${label}审批部门`}
                      onChange={(e) => onChange(item.key, { department: e.target.value })}
                    />
                  </td>
                  <td>
                    <Select
                      className={`ap-status ap-status-${item.status}`}
                      value={item.status}
                      variant="borderless"
                      options={STATUS_OPTIONS}
                      aria-label={`${label}办理状态`}
                      popupMatchSelectWidth={false}
                      onChange={(status) => onChange(item.key, { status })}
                    />
                  </td>
                  <td>
                    <DatePicker
                      className="ms-date"
                      value={dateOf(item.plannedDate)}
                      variant="borderless"
                      format={DATE_FORMATS}
                      placeholder="年-月-日"
                      aria-label={`${label}计划办结`}
                      onChange={(d) => onChange(item.key, { plannedDate: d ? d.format('YYYY-MM-DD') : null })}
                    />
                  </td>
                  <td>
                    <DatePicker
                      className="ms-date"
                      value={dateOf(item.actualDate)}
                      variant="borderless"
                      format={DATE_FORMATS}
                      placeholder="年-月-日"
                      aria-label={`${label}实际办结`}
                      status={item.actualDate && item.actualDate > today ? 'error' : undefined}
                      onChange={(d) => onChange(item.key, { actualDate: d ? d.format('YYYY-MM-DD') : null })}
                    />
                  </td>
                  <td>
                    <Input
                      value={item.docNumber}
                      variant="borderless"
                      maxLength={100}
                      aria-label={`${label}批复文号`}
                      onChange={(e) => onChange(item.key, { docNumber: e.target.value })}
                    />
                  </td>
                  <td>
                    <Input
                      value={item.note}
                      variant="borderless"
                      maxLength={200}
                      aria-label={`${label}备注`}
                      onChange={(e) => onChange(item.key, { note: e.target.value })}
                    />
                  </td>
                </>
              )}
              <td className={`ms-status zd-nowrap ms-${hint.state}`}>{hint.label}</td>
              <td className="ap-attach">
                <ApprovalAttachmentSlot itemId={item.id} name={item.name} />
              </td>
              {!readOnly && (
                <td className="ms-actions zd-nowrap">
                  <RowOrderButtons
                    name={label}
                    first={index === 0}
                    last={index === items.length - 1}
                    onMove={(step) => onMove(item.key, step)}
                    onDelete={() => onDelete(item.key)}
                    confirmDelete={{
                      title: `删除手续“${label}”？`,
                      description: '点“保存手续”后生效；不需办理的手续可改状态为“不需办理”而不删。',
                    }}
                  />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
