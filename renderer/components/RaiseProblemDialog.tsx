import { Alert, App as AntApp, Form, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { Problem, ProblemCategory } from '../../db/model/problems';
import { invoke } from '../api';
import { useAppStatus } from '../app/app-status';
import { useApi } from '../hooks/use-api';
import { useFormDialog } from '../ui/use-form-dialog';
import { isoOf, unitNamedIn } from './problem-form';
import { PROBLEM_FIELD_NAMES, ProblemFields, type ProblemFieldValues } from './ProblemFields';
import './problem-dialog.css';
import { withDialogKeys } from '../ui/dialog-keys';
import { useOpeningKey } from '../ui/use-opening-key';

export interface RaiseProblemPreset {
  description?: string;
  category?: ProblemCategory;
  source?: string;
  /** the dispatch week the problem was raised at; the problem links back to it */
  sourceWeek?: string | null;
  /** the dispatch column the description came from, e.g. 存在问题 */
  sourceField?: string;
  /** where to look for the unit asked to help, when not only in the description */
  unitText?: string;
  /** the 牵头单位 to start with (a shortfall's project's own); otherwise the one the text names */
  leadUnitId?: number | null;
}

interface RaiseProblemDialogProps {
  open: boolean;
  /** the project the problem is raised on; without it the clerk picks one */
  project?: { id: number; code: string; name: string } | null;
  preset?: RaiseProblemPreset;
  onClose(): void;
  /** after the server has registered it */
  onCreated(problem: Problem): void;
}

interface RaiseValues extends ProblemFieldValues {
  projectId: number | null;
}

/** 登记问题: from the problem list (with a project picker), a project page, or a dispatch entry. */
export function RaiseProblemDialog(props: RaiseProblemDialogProps) {
  // every opening starts from the preset, with nothing left over from last time
  return <RaiseModal key={useOpeningKey(props.open)} {...props} />;
}

function RaiseModal({ open, project, preset, onClose, onCreated }: RaiseProblemDialogProps) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const reference = useApi('reference.list', {});
  const [form] = Form.useForm<RaiseValues>();
  const [initialValues] = useState<RaiseValues>(() => ({
    projectId: project?.id ?? null,
    description: preset?.description ?? '',
    category: preset?.category,
    source: preset?.source ?? '',
    leadUnitId: preset?.leadUnitId ?? null,
    responsibleUnitIds: [],
    responsiblePerson: '',
    raisedOn: dayjs(status.today),
    deadline: null,
  }));

  // “请市自然资源局加快用地报批”: the unit the text asks for is the likely 牵头单位
  const units = reference.data?.units;
  const unitText = preset?.unitText ?? preset?.description;
  useEffect(() => {
    if (!units || !unitText || form.getFieldValue('leadUnitId') != null) return;
    const named = unitNamedIn(unitText, units);
    if (named) form.setFieldValue('leadUnitId', named.id);
  }, [units, unitText, form]);

  const dialog = useFormDialog<RaiseValues>({
    form,
    fields: ['projectId', ...PROBLEM_FIELD_NAMES],
    save: async (values) => {
      const created = await invoke('problems.create', {
        projectId: values.projectId ?? 0,
        description: values.description.trim(),
        category: values.category ?? 'other',
        source: values.source.trim(),
        sourceWeek: preset?.sourceWeek ?? null,
        leadUnitId: values.leadUnitId ?? null,
        responsibleUnitIds: values.responsibleUnitIds ?? [],
        responsiblePerson: values.responsiblePerson.trim(),
        raisedOn: isoOf(values.raisedOn) ?? undefined,
        deadline: isoOf(values.deadline),
      });
      void message.success(`已登记问题 ${created.code}`);
      onCreated(created);
    },
  });
  const { saving, formError } = dialog;

  return (
    <Modal
      open={open}
      title="登记问题"
      width={640}
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField(project ? 'description' : 'projectId');
      }}
      footer={withDialogKeys('登记')}
      destroyOnHidden
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="pf-alert" />}
        {reference.error && <Alert type="error" showIcon title={`单位名单读取失败：${reference.error.message}`} />}
        <Form
          form={form}
          name="raiseProblem"
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          {project ? (
            <Form.Item label="项目">
              <div className="pf-static pf-project">
                <span className="pf-code">{project.code}</span>
                <span>{project.name}</span>
              </div>
            </Form.Item>
          ) : (
            <Form.Item name="projectId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
              <ProjectPicker />
            </Form.Item>
          )}
          {preset?.sourceWeek && preset.source && (
            <div className="pf-from">
              由{preset.source}“{preset.sourceField ?? '需协调事项'}”转来，登记后可在问题清单中交办。
            </div>
          )}
          <ProblemFields form={form} units={reference.data?.units ?? []} today={status.today} />
        </Form>
      </div>
    </Modal>
  );
}

/** Every project in the library, found by name or number as the clerk types. */
function ProjectPicker({ value, onChange, id }: { value?: number | null; onChange?(v: number): void; id?: string }) {
  const projects = useApi('projects.list', {});
  const options = (projects.data ?? [])
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number) => onChange?.(v)}
      options={options}
      loading={projects.loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="输入项目名称或编号查找"
      notFoundContent={projects.error ? `项目读取失败：${projects.error.message}` : '没有找到项目'}
    />
  );
}
