import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  SUSPENSION_LABELS,
  TRANSFER_LABELS,
  type MembershipHistory,
  type SuspensionKind,
} from '../../../db/model/list-membership';
import { invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { DATE_FORMATS, isoOf } from '../../components/problem-form';
import { withDialogKeys } from '../../ui/dialog-keys';
import { useFormDialog } from '../../ui/use-form-dialog';
import '../../components/problem-dialog.css';

/** What the clerk is recording: 调入 a list, 调出 one, 停建/缓建, or 复工. */
export type MembershipMove =
  { kind: 'in' } | { kind: 'out'; levelId: number; levelName: string } | { kind: 'suspend' } | { kind: 'resume' };

interface Values {
  levelId: number | null;
  suspension: SuspensionKind;
  date: Dayjs | null;
  text: string;
}

const TITLES: Record<MembershipMove['kind'], string> = {
  in: '调入名单',
  out: '调出名单',
  suspend: '停建/缓建',
  resume: '复工',
};

interface Props {
  projectId: number;
  projectName: string;
  move: MembershipMove;
  /** the lists it may be 调入 (not on them now, not retired) */
  levels: readonly { id: number; name: string }[];
  /** 停建 or 缓建 now: the other kind is offered first */
  suspended: SuspensionKind | null;
  onClose(): void;
  onDone(history: MembershipHistory): void;
}

/** One dated step of 动态管理 with its reason: the server checks the order of dates and says why it refuses. */
export function MembershipDialog({ projectId, projectName, move, levels, suspended, onClose, onDone }: Props) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [initialValues] = useState<Values>(() => ({
    levelId: levels.length === 1 ? levels[0].id : null,
    suspension: suspended === 'deferred' ? 'halted' : 'deferred',
    date: dayjs(status.today),
    text: '',
  }));
  const suspension = Form.useWatch('suspension', form) ?? initialValues.suspension;
  const word =
    move.kind === 'suspend'
      ? SUSPENSION_LABELS[suspension]
      : move.kind === 'resume'
        ? '复工'
        : TRANSFER_LABELS[move.kind];
  const textRequired = move.kind !== 'resume';
  const textLabel = move.kind === 'resume' ? '复工说明' : `${word}原因`;

  const dialog = useFormDialog<Values>({
    form,
    // the server's refusals of these go under their fields; any other (原因, the project) above the form
    fields: ['levelId', 'date'],
    save: async (values) => {
      const date = isoOf(values.date)!;
      const text = values.text.trim();
      let done: MembershipHistory;
      if (move.kind === 'in' || move.kind === 'out') {
        const levelId = move.kind === 'out' ? move.levelId : values.levelId!;
        done = await invoke('levels.transfer', { projectId, levelId, direction: move.kind, date, reason: text });
      } else if (move.kind === 'suspend') {
        done = await invoke('projects.suspend', { projectId, kind: values.suspension, date, reason: text });
      } else {
        done = await invoke('projects.resume', { projectId, date, note: text });
      }
      void message.success(`${projectName}：已记录${word}`);
      onDone(done);
    },
  });
  const { saving, formError } = dialog;
  const notFuture = {
    validator: async (_: unknown, value: Dayjs | null) => {
      if (isoOf(value) && isoOf(value)! > status.today) throw new Error(`${word}日期不能晚于今天`);
    },
  };

  return (
    <Modal
      open
      title={TITLES[move.kind]}
      width={480}
      okText={`记录${word}`}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField(move.kind === 'in' && !initialValues.levelId ? 'levelId' : 'text');
      }}
      footer={withDialogKeys(`记录${word}`)}
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="pf-alert" />}
        <div className="pf-subject">
          <span>{projectName}</span>
          {move.kind === 'out' && <span className="pf-code">调出：{move.levelName}</span>}
        </div>
        {move.kind === 'suspend' && (
          <div className="pf-hint">
            停建、缓建的项目照常列在项目库、调度表和台账里，但不亮红黄绿灯，也不计入灯的统计。
          </div>
        )}
        <Form
          form={form}
          name={`membership-${move.kind}`}
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          {move.kind === 'in' && (
            <Form.Item name="levelId" label="调入名单" rules={[{ required: true, message: '请选择调入哪个名单' }]}>
              <Select
                placeholder="选择名单"
                options={levels.map((l) => ({ value: l.id, label: l.name }))}
                notFoundContent="该项目已在所有名单上"
              />
            </Form.Item>
          )}
          {move.kind === 'suspend' && (
            <Form.Item name="suspension" label="状态">
              <Radio.Group
                options={(['deferred', 'halted'] as const).map((k) => ({
                  value: k,
                  label: SUSPENSION_LABELS[k],
                  disabled: k === suspended,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="date"
            label={`${word}日期`}
            required
            rules={[{ required: true, message: `请填写${word}日期` }, notFuture]}
            className="pf-narrow"
          >
            <DatePicker format={DATE_FORMATS} placeholder="年-月-日" className="pf-date" />
          </Form.Item>
          <Form.Item
            name="text"
            label={textLabel}
            rules={textRequired ? [{ required: true, whitespace: true, message: `请填写${textLabel}` }] : []}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={200}
              placeholder={
                move.kind === 'in'
                  ? '如：湘潭市重点项目年中调整，增补列入'
                  : move.kind === 'out'
                    ? '如：总投资调减，年中调整时调出'
                    : move.kind === 'suspend'
                      ? '如：企业融资未落实，申请暂缓建设'
                      : '选填，如：资金已到位，恢复施工'
              }
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
