import { Alert, App as AntApp, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  DEADLINE_BEFORE_ASSIGNED,
  PROBLEM_ACTION_LABELS,
  type Problem,
  type ProblemAction,
} from '../../../db/model/problems';
import type { Unit } from '../../../db/model/reference';
import { invoke } from '../../api';
import { useAppStatus } from '../../app/app-status';
import { useFormDialog } from '../../ui/use-form-dialog';
import { DATE_FORMATS, DEADLINE_BEFORE_RAISED, dayOf, isoOf, unitOptions } from '../problem-form';
import { UnitSelect, useUnitList } from '../UnitSelect';
import '../problem-dialog.css';
import { withDialogKeys } from '../../ui/dialog-keys';

export type NoteKind = 'chase' | 'progress' | 'feedback';
/** a 督办 step that changes the status, or a dated note that does not */
export type Step = ProblemAction | NoteKind;

export const NOTE_LABELS: Record<NoteKind, string> = { chase: '催办', progress: '记录进展', feedback: '反馈' };
export const stepLabel = (step: Step) =>
  step in NOTE_LABELS ? NOTE_LABELS[step as NoteKind] : PROBLEM_ACTION_LABELS[step as ProblemAction];
const isNote = (step: Step): step is NoteKind => step in NOTE_LABELS;

interface StepText {
  /** the label of the text box, and whether the step needs it */
  text: string;
  required: boolean;
  placeholder: string;
  date: string;
  ok: string;
  /** a sentence above the form saying what the step does */
  lead?: string;
}

const STEP_TEXT: Record<Step, StepText> = {
  assign: {
    text: '交办意见',
    required: false,
    placeholder: '选填，如：请于时限内办结并反馈',
    date: '交办日期',
    ok: '交办',
  },
  requestClose: {
    text: '办理结果',
    required: true,
    placeholder: '问题怎样解决的，如：用地指标已获批复',
    date: '申请日期',
    ok: '申请销号',
    lead: '责任单位反馈已办结，由办公室审结后销号。',
  },
  close: {
    text: '审结意见',
    required: false,
    placeholder: '选填',
    date: '销号日期',
    ok: '确认销号',
    lead: '审结销号后，该问题不再计入未销号和超期，项目预警随之更新。',
  },
  return: {
    text: '退回原因',
    required: true,
    placeholder: '为什么退回，还需办理什么',
    date: '退回日期',
    ok: '退回',
    lead: '退回后问题状态为“退回”，由责任单位重新办理。',
  },
  resume: { text: '说明', required: false, placeholder: '选填', date: '日期', ok: '重新办理' },
  chase: {
    text: '催办内容',
    required: true,
    placeholder: '如：电话催办，要求本周内反馈',
    date: '催办日期',
    ok: '记录催办',
  },
  progress: { text: '进展情况', required: true, placeholder: '目前办到哪一步', date: '日期', ok: '记录进展' },
  feedback: { text: '反馈内容', required: true, placeholder: '责任单位反馈的情况', date: '反馈日期', ok: '记录反馈' },
};

interface StepValues {
  text: string;
  date: Dayjs | null;
  notedOn: Dayjs | null;
  deadline: Dayjs | null;
  leadUnitId: number | null;
  responsibleUnitIds: number[];
}

interface ProblemStepDialogProps {
  problem: Problem;
  step: Step | null;
  units: readonly Unit[];
  onClose(): void;
  onDone(problem: Problem): void;
}

/** One 督办 step on one problem: asks only what the step needs; the server's refusal shows in the dialog. */
export function ProblemStepDialog({ problem, step, units, onClose, onDone }: ProblemStepDialogProps) {
  // a fresh form for every step the clerk opens
  return step ? (
    <StepModal
      key={`${problem.id}-${step}`}
      problem={problem}
      step={step}
      units={units}
      onClose={onClose}
      onDone={onDone}
    />
  ) : null;
}

function StepModal({ problem, step, units, onClose, onDone }: ProblemStepDialogProps & { step: Step }) {
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<StepValues>();
  const [unitList, setUnitList] = useUnitList(units);
  const words = STEP_TEXT[step];
  const dateField = isNote(step) ? 'notedOn' : 'date';
  const [initialValues] = useState<StepValues>(() => ({
    text: '',
    date: dayjs(status.today),
    notedOn: dayjs(status.today),
    deadline: dayOf(problem.deadline),
    leadUnitId: problem.leadUnitId,
    responsibleUnitIds: problem.responsibleUnitIds,
  }));

  const dialog = useFormDialog<StepValues>({
    form,
    fields: ['text', dateField, 'deadline', 'leadUnitId', 'responsibleUnitIds'],
    save: async (values) => {
      const done = isNote(step)
        ? await invoke('problems.addNote', {
            id: problem.id,
            kind: step,
            text: values.text.trim(),
            notedOn: isoOf(values.notedOn) ?? undefined,
          })
        : await invoke('problems.act', {
            id: problem.id,
            action: step,
            text: values.text.trim(),
            date: isoOf(values.date) ?? undefined,
            ...(step === 'assign'
              ? {
                  deadline: isoOf(values.deadline) ?? undefined,
                  leadUnitId: values.leadUnitId ?? null,
                  responsibleUnitIds: values.responsibleUnitIds ?? [],
                }
              : {}),
          });
      void message.success(
        isNote(step)
          ? `${problem.code}：${NOTE_LABELS[step].replace('记录', '')}已记录`
          : `${problem.code}：已${PROBLEM_ACTION_LABELS[step]}`,
      );
      onDone(done);
    },
  });
  const { saving, formError } = dialog;

  const options = unitOptions(unitList, [problem.leadUnitId, ...problem.responsibleUnitIds]);
  const deadlineInOrder = {
    validator: async (_: unknown, value: Dayjs | null) => {
      const deadline = isoOf(value);
      if (!deadline) return;
      const assignedOn = isoOf((form.getFieldsValue(true) as StepValues).date);
      if (assignedOn && deadline < assignedOn) throw new Error(DEADLINE_BEFORE_ASSIGNED);
      if (deadline < problem.raisedOn) throw new Error(DEADLINE_BEFORE_RAISED);
    },
  };
  const oneUnit = {
    validator: async () => {
      const v = form.getFieldsValue(true) as StepValues;
      if (v.leadUnitId == null && !(v.responsibleUnitIds ?? []).length) {
        throw new Error('交办须指定牵头单位或责任单位');
      }
    },
  };

  return (
    <Modal
      open
      title={
        <>
          {stepLabel(step)}
          <span className="pf-title-code">{problem.code}</span>
        </>
      }
      width={step === 'assign' ? 600 : 520}
      okText={words.ok}
      cancelText="取消"
      okButtonProps={step === 'return' ? { danger: true } : undefined}
      confirmLoading={saving}
      onOk={() => void dialog.submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) form.focusField(step === 'assign' ? 'leadUnitId' : 'text');
      }}
      footer={withDialogKeys(words.ok)}
      mask={{ closable: false }}
      className="problem-dialog"
    >
      <div onKeyDown={dialog.onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="pf-alert" />}
        <div className="pf-subject">
          <span className="pf-code">{problem.projectName}</span>
          <span>{problem.description}</span>
        </div>
        {words.lead && <div className="pf-hint">{words.lead}</div>}
        {step === 'close' && problem.resolution && (
          <div className="pf-resolution">
            <span className="pf-resolution-label">办理结果</span>
            {problem.resolution}
          </div>
        )}
        <Form
          form={form}
          name={`problemStep-${step}`}
          layout="vertical"
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="pf-form"
        >
          {step === 'assign' && (
            <div className="pf-grid">
              <Form.Item name="leadUnitId" label="牵头单位" rules={[oneUnit]} dependencies={['responsibleUnitIds']}>
                <UnitSelect options={options} allowClear placeholder="选择牵头单位" onUnitsSaved={setUnitList} />
              </Form.Item>
              <Form.Item
                name="deadline"
                label="办结时限"
                required
                rules={[{ required: true, message: '交办须填写办结时限' }, deadlineInOrder]}
                dependencies={['date']}
              >
                <DatePicker format={DATE_FORMATS} placeholder="年-月-日" className="pf-date" />
              </Form.Item>
              <Form.Item name="responsibleUnitIds" label="责任单位" className="pf-wide">
                <UnitSelect
                  mode="multiple"
                  options={options}
                  allowClear
                  placeholder="可选多个"
                  onUnitsSaved={setUnitList}
                />
              </Form.Item>
            </div>
          )}
          <Form.Item
            name="text"
            label={words.text}
            rules={words.required ? [{ required: true, whitespace: true, message: `请填写${words.text}` }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={words.placeholder} />
          </Form.Item>
          <Form.Item
            name={dateField}
            label={words.date}
            rules={[{ required: true, message: `请填写${words.date}` }]}
            className="pf-narrow"
          >
            <DatePicker
              format={DATE_FORMATS}
              placeholder="年-月-日"
              className="pf-date"
              disabledDate={(date) => date.format('YYYY-MM-DD') > status.today}
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
