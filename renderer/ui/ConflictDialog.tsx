import { Button, Modal } from 'antd';

export interface ConflictDialogProps {
  /** the refusal's message: who changed the record and when; the dialog is open while there is one */
  message: string | null;
  /** reload the record, keeping what the clerk typed beside what is saved now */
  onReload(): void;
  /** back to the form as typed */
  onCancel(): void;
  reloading?: boolean;
}

/**
 * A save refused because someone else saved the record meanwhile (`conflict`). Neither choice loses what the
 * clerk typed: 载入最新内容 shows the saved record with the typed text kept for comparison, 取消 keeps the form.
 */
export function ConflictDialog({ message, onReload, onCancel, reloading }: ConflictDialogProps) {
  return (
    <Modal
      open={message !== null}
      title="数据已被他人修改"
      width={440}
      onCancel={onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="reload" type="primary" loading={reloading} onClick={onReload}>
          载入最新内容
        </Button>,
      ]}
    >
      <p className="zd-conflict-message">{message}</p>
      <p className="zd-hint">
        载入最新内容后，您填写的内容仍保留在栏目中，并在旁边列出他人保存的内容，可逐项比对后再保存；取消则回到您填写的表单。
      </p>
    </Modal>
  );
}
