import { Alert, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { showRefusal } from '../../ui/refusal';

interface ReferenceModalProps<Values extends object> {
  title: string;
  open: boolean;
  /** every field of the form, so a server error naming one of them lands next to it */
  initialValues: Values;
  /** the field that takes the cursor when the dialog opens */
  firstField: keyof Values & string;
  onClose(): void;
  onSave(values: Values): Promise<void>;
  children: ReactNode;
}

/**
 * The add/edit dialog of a reference table. The form wraps the whole dialog so its 保存 button is the
 * form's submit button: Enter in a field saves, Esc closes. A refusal from the server keeps the dialog
 * open with what was typed and shows the message next to its field.
 */
export function ReferenceModal<Values extends object>({
  title,
  open,
  initialValues,
  firstField,
  onClose,
  onSave,
  children,
}: ReferenceModalProps<Values>) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function close() {
    setProblem(null);
    onClose();
  }

  async function submit(values: Values) {
    setSaving(true);
    setProblem(null);
    try {
      await onSave(values);
      onClose();
    } catch (error) {
      setProblem(showRefusal(form, error, Object.keys(initialValues)) || null);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={520}
      styles={{ body: { paddingTop: 8 } }}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={close}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) (form.getFieldInstance(firstField) as HTMLInputElement | null)?.focus();
      }}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '92px' }}
          labelWrap
          initialValues={initialValues}
          clearOnDestroy
          autoComplete="off"
          onFinish={submit}
        >
          {dialog}
        </Form>
      )}
    >
      {problem && <Alert type="error" showIcon title={problem} className="settings-modal-problem" />}
      {children}
    </Modal>
  );
}
