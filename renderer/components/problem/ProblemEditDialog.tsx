import { Alert, App as AntApp, Form, Modal } from 'antd';
import { useState } from 'react';
import type { Problem } from '../../../db/model/problems';
import type { Unit } from '../../../db/model/reference';
import { invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { dayOf, isoOf } from '../problem-form';
import { useFormDialog } from '../../ui/use-form-dialog';
import { PROBLEM_FIELD_NAMES, ProblemFields, type ProblemFieldValues } from '../ProblemFields';
import { withDialogKeys } from '../../ui/dialog-keys';

interface ProblemEditDialogProps {
  problem: Problem;
  open: boolean;
  units: readonly Unit[];
  onClose(): void;
  onSaved(problem: Problem): void;
}

/** 修改: the problem's own fields; its status only moves through the 督办 steps. */
export function ProblemEditDialog(props: ProblemEditDialogProps) {
  return props.open ? <EditModal key={props.problem.id} {...props} /> : null;
}

function EditModal({ problem, units, onClose, onSaved }: ProblemEditDialogProps) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ProblemFieldValues>();
  const [initialValues] = useState<ProblemFieldValues>(() => ({
    description: problem.description,
    category: problem.category,
    source: problem.source,
    leadUnitId: problem.leadUnitId,
    responsibleUnitIds: problem.responsibleUnitIds,
    responsiblePerson: problem.responsiblePerson,
    raisedOn: dayOf(problem.raisedOn),
    deadline: dayOf(problem.deadline),
  }));

  const dialog = useFormDialog<ProblemFieldValues>({
    form,
    fields: PROBLEM_FIELD_NAMES,
    save: async (values) => {
      // a problem changed since it was read is refused with who changed it, shown above the form as typed
      const saved = await invoke('problems.update', {
        id: problem.id,
        version: problem.version,
        description: values.description.trim(),
        category: values.category,
        source: values.source.trim(),
        leadUnitId: values.leadUnitId ?? null,
        responsibleUnitIds: values.responsibleUnitIds ?? [],
        responsiblePerson: values.responsiblePerson.trim(),
        deadline: isoOf(values.deadline),
      });
      void message.success(`${saved.code}：修改已保存`);
      onSaved(saved);
    },
  });
  const { saving, formError } = dialog;

  return (
    <Modal
      open
      title={
        <>
          修改问题<span className="pf-title-code">{problem.code}</span>
        </>
      }
      width={640}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField('description');
      }}
      footer={withDialogKeys('保存')}
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="pf-alert" />}
        <div className="pf-subject">
          <span className="pf-code">
            {problem.projectCode} {problem.projectName}
          </span>
        </div>
        <Form
          form={form}
          name="editProblem"
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          <ProblemFields
            form={form}
            units={units}
            today={status.today}
            fixedRaisedOn={problem.raisedOn}
            keepUnitIds={[problem.leadUnitId, ...problem.responsibleUnitIds]}
          />
        </Form>
      </div>
    </Modal>
  );
}
