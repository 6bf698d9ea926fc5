import { Alert, App as AntApp, AutoComplete, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { InstructionRow } from '../../../db/model/instructions';
import { invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { withDialogKeys } from '../../ui/dialog-keys';
import { useFormDialog } from '../../ui/use-form-dialog';
import { DATE_FORMATS, dayOf, isoOf } from '../problem-form';
import '../problem-dialog.css';
import './instructions.css';
import { useOpeningKey } from '../../ui/use-opening-key';

interface InstructionValues {
  issuedOn: Dayjs | null;
  leaderName: string;
  content: string;
  deadline: Dayjs | null;
  progress: string;
}

const FIELDS = ['issuedOn', 'leaderName', 'content', 'deadline', 'progress'] as const;

interface InstructionDialogProps {
  open: boolean;
  project: { id: number; code: string; name: string; contactLeaderName?: string | null };
  /** the 批示 edited; absent: a new one */
  editing?: InstructionRow | null;
  onClose(): void;
  onSaved(saved: InstructionRow): void;
}

/** 登记批示 / 编辑批示: date, leader (the 包挂领导 list offered, any name accepted), content, 办理时限, 办理情况. */
export function InstructionDialog(props: InstructionDialogProps) {
  // every opening starts from the record (or blank), with nothing left over from last time
  return <InstructionModal key={useOpeningKey(props.open)} {...props} />;
}

function InstructionModal({ open, project, editing, onClose, onSaved }: InstructionDialogProps) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const reference = useApi('reference.list', {});
  const [form] = Form.useForm<InstructionValues>();
  const [initialValues] = useState<InstructionValues>(() => ({
    issuedOn: editing ? dayOf(editing.issuedOn) : dayjs(status.today),
    leaderName: editing?.leaderName ?? project.contactLeaderName ?? '',
    content: editing?.content ?? '',
    deadline: editing ? dayOf(editing.deadline) : null,
    progress: editing?.progress ?? '',
  }));
  const leaders = (reference.data?.contactLeaders ?? [])
    .filter((l) => !l.retired)
    .map((l) => ({ value: l.name, label: l.title ? `${l.name}（${l.title}）` : l.name }));

  const dialog = useFormDialog<InstructionValues>({
    form,
    fields: FIELDS,
    save: async (values) => {
      const saved = await invoke('instructions.save', {
        id: editing?.id,
        version: editing?.version,
        projectId: project.id,
        issuedOn: isoOf(values.issuedOn) ?? '',
        leaderName: values.leaderName.trim(),
        content: values.content.trim(),
        deadline: isoOf(values.deadline),
        progress: values.progress.trim(),
      });
      void message.success(editing ? '批示已保存' : '已登记领导批示');
      onSaved(saved);
    },
  });
  const title = editing ? '编辑领导批示' : '登记领导批示';
  const ok = editing ? '保存' : '登记';
  return (
    <Modal
      open={open}
      title={title}
      width={600}
      okText={ok}
      cancelText="取消"
      confirmLoading={dialog.saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField(editing ? 'progress' : 'leaderName');
      }}
      footer={withDialogKeys(ok)}
      destroyOnHidden
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {dialog.formError && <Alert type="error" showIcon title={dialog.formError} className="pf-alert" />}
        <Form
          form={form}
          name="instruction"
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          <Form.Item label="项目">
            <div className="pf-static pf-project">
              <span className="pf-code">{project.code}</span>
              <span>{project.name}</span>
            </div>
          </Form.Item>
          <div className="ins-fields">
            <Form.Item name="issuedOn" label="批示日期" rules={[{ required: true, message: '请填写批示日期' }]}>
              <DatePicker
                format={DATE_FORMATS}
                placeholder="年-月-日"
                className="pf-date"
                disabledDate={(date) => date.format('YYYY-MM-DD') > status.today}
              />
            </Form.Item>
            <Form.Item
              name="leaderName"
              label="批示领导"
              rules={[{ required: true, whitespace: true, message: '请填写批示领导' }]}
            >
              <AutoComplete options={leaders} maxLength={30} placeholder="从包挂领导中选，或直接填写" />
            </Form.Item>
            <Form.Item
              name="deadline"
              label="办理时限"
              dependencies={['issuedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null) => {
                    const issued = getFieldValue('issuedOn') as Dayjs | null;
                    if (value && issued && value.isBefore(issued, 'day')) throw new Error('办理时限不能早于批示日期');
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMATS} placeholder="年-月-日" className="pf-date" />
            </Form.Item>
          </div>
          <Form.Item
            name="content"
            label="批示内容"
            rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="progress" label="办理情况">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="落实进展，可随时补充" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
