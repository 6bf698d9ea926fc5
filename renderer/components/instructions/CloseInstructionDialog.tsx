import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { instructionTitle, type InstructionRow } from '../../../db/model/instructions';
import { invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { withDialogKeys } from '../../ui/dialog-keys';
import { useFormDialog } from '../../ui/use-form-dialog';
import { DATE_FORMATS, isoOf } from '../problem-form';
import '../problem-dialog.css';

interface CloseValues {
  closedOn: Dayjs | null;
  progress: string;
}

interface CloseInstructionDialogProps {
  /** the 批示 being 办结; null: closed */
  instruction: InstructionRow | null;
  onClose(): void;
  onSaved(saved: InstructionRow): void;
}

/** 办结: the day, and the last word on 办理情况. */
export function CloseInstructionDialog({ instruction, onClose, onSaved }: CloseInstructionDialogProps) {
  return instruction ? (
    <CloseModal key={instruction.id} instruction={instruction} onClose={onClose} onSaved={onSaved} />
  ) : null;
}

function CloseModal({ instruction, onClose, onSaved }: CloseInstructionDialogProps & { instruction: InstructionRow }) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CloseValues>();
  const [initialValues] = useState<CloseValues>(() => ({
    closedOn: dayjs(status.today),
    progress: instruction.progress,
  }));
  const dialog = useFormDialog<CloseValues>({
    form,
    fields: ['closedOn', 'progress'],
    save: async (values) => {
      const saved = await invoke('instructions.close', {
        id: instruction.id,
        version: instruction.version,
        closedOn: isoOf(values.closedOn) ?? undefined,
        progress: values.progress.trim(),
      });
      void message.success('批示已办结');
      onSaved(saved);
    },
  });
  return (
    <Modal
      open
      title="批示办结"
      width={520}
      okText="办结"
      cancelText="取消"
      confirmLoading={dialog.saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField('progress');
      }}
      footer={withDialogKeys('办结')}
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {dialog.formError && <Alert type="error" showIcon title={dialog.formError} className="pf-alert" />}
        <div className="pf-subject">
          <span className="pf-code">
            {instruction.projectCode} {instruction.projectName}
          </span>
          <span>
            {instructionTitle(instruction, status.today)}：{instruction.content}
          </span>
        </div>
        <Form
          form={form}
          name="closeInstruction"
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          <Form.Item name="closedOn" label="办结日期" rules={[{ required: true, message: '请填写办结日期' }]}>
            <DatePicker
              format={DATE_FORMATS}
              placeholder="年-月-日"
              className="pf-date pf-narrow"
              disabledDate={(date) => date.format('YYYY-MM-DD') > status.today}
            />
          </Form.Item>
          <Form.Item name="progress" label="办理情况">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={1000} placeholder="办理结果" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
