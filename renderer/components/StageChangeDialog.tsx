import { Alert, App as AntApp, DatePicker, Form, Input, Modal, Radio, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { PROJECT_FIELD_LABELS, type ProjectDetail } from '../../db/model/project';
import { futureDateIssues, stageRequirementIssue, transitionIssue } from '../../db/model/stage-rules';
import { STAGES, STAGE_LABELS, stageIndex, type Stage } from '../../db/model/stages';
import { invoke } from '../api';
import { useAppStatus } from '../app/app-status';
import { useFormDialog } from '../ui/use-form-dialog';
import { StageTag } from '../ui/StageTag';
import './stage-change.css';
import { useOpeningKey } from '../ui/use-opening-key';

/** The one date a stage's rule asks for on entering it. */
const REQUIRED_DATE = {
  new_start: 'plannedStartDate',
  continuing: 'actualStartDate',
  completed: 'actualCompletionDate',
} as const satisfies Partial<Record<Stage, string>>;
type RequiredDate = (typeof REQUIRED_DATE)[keyof typeof REQUIRED_DATE];

interface StageChangeValues {
  toStage: Stage;
  plannedStartDate: Dayjs | null;
  actualStartDate: Dayjs | null;
  actualCompletionDate: Dayjs | null;
  changedOn: Dayjs | null;
  reason: string;
}
type FieldName = keyof StageChangeValues;
const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY.M.D'];
const iso = (date: Dayjs | null | undefined) => (date ? date.format('YYYY-MM-DD') : null);
const dateOf = (text: string | null) => (text ? dayjs(text) : null);

function requiredDateOf(stage: Stage): RequiredDate | undefined {
  return (REQUIRED_DATE as Partial<Record<Stage, RequiredDate>>)[stage];
}

/** The stages one step away: forward first, as that is the usual move. */
function targetsOf(stage: Stage): { stage: Stage; label: string }[] {
  const at = stageIndex(stage);
  const targets = [];
  if (at < STAGES.length - 1) targets.push({ stage: STAGES[at + 1], label: `推进到 ${STAGE_LABELS[STAGES[at + 1]]}` });
  if (at > 0) targets.push({ stage: STAGES[at - 1], label: `退回 ${STAGE_LABELS[STAGES[at - 1]]}` });
  return targets;
}

function firstTarget(stage: Stage, wanted: Stage | undefined): Stage {
  const targets = targetsOf(stage);
  return targets.find((t) => t.stage === wanted)?.stage ?? targets[0].stage;
}

interface CheckContext {
  project: ProjectDetail;
  planYear: number;
  today: string;
}

/** The same rules the server applies, so the clerk hears of a problem before asking; `form` is for what has no field here. */
function stageChangeIssues(values: StageChangeValues, { project, planYear, today }: CheckContext) {
  const issues: Partial<Record<FieldName | 'form', string>> = {};
  const reason = values.reason ?? '';
  const transition = transitionIssue(project.stage, values.toStage, reason);
  if (transition) issues[stageIndex(values.toStage) < stageIndex(project.stage) ? 'reason' : 'toStage'] = transition;

  const asked = requiredDateOf(values.toStage);
  const dates = {
    plannedStartDate: project.plannedStartDate,
    actualStartDate: project.actualStartDate,
    actualCompletionDate: project.actualCompletionDate,
    signingDate: project.signingDate,
  };
  if (asked) dates[asked] = iso(values[asked]);
  const requirement = stageRequirementIssue(values.toStage, dates, planYear);
  if (requirement) issues[requirement.field === asked ? asked : 'form'] = requirement.message;
  for (const future of futureDateIssues(dates, today)) {
    const field = future.field === asked ? asked : 'form';
    issues[field] ??= future.message;
  }

  const changedOn = iso(values.changedOn);
  if (!changedOn) issues.changedOn = '请填写变更日期';
  else if (changedOn > today) issues.changedOn = '变更日期不能晚于今天';
  return issues;
}

interface Props {
  project: ProjectDetail;
  open: boolean;
  onClose(): void;
  /** after the server has recorded the change */
  onChanged(project: ProjectDetail): void;
  /** the stage to preselect (a card dropped on the board); ignored unless it is one step away */
  initialTarget?: Stage;
}

/** 变更阶段: one step forward, or one step back with a reason, asking only for what the target stage needs. */
export function StageChangeDialog(props: Props) {
  // Each opening starts afresh from the project as it is then: nothing typed last time, no stale target.
  return <StageChangeModal key={useOpeningKey(props.open)} {...props} />;
}

function StageChangeModal({ project: latest, open, onClose, onChanged, initialTarget }: Props) {
  // The page reloads the project as the dialog fades out; keep showing the one the clerk acted on.
  const [project] = useState(latest);
  const { status } = useAppStatus();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<StageChangeValues>();
  const body = useRef<HTMLDivElement>(null);
  const pickerOpen = useRef(false);
  const pickerOpenAtKeyDown = useRef(false);

  const targets = targetsOf(project.stage);
  const initialValues = useMemo<StageChangeValues>(
    () => ({
      toStage: firstTarget(project.stage, initialTarget),
      plannedStartDate: dateOf(project.plannedStartDate),
      actualStartDate: dateOf(project.actualStartDate),
      actualCompletionDate: dateOf(project.actualCompletionDate),
      changedOn: dayjs(status.today),
      reason: '',
    }),
    [project, status.today, initialTarget],
  );
  const context: CheckContext = { project, planYear: status.planYear, today: status.today };
  const toStage = Form.useWatch('toStage', form) ?? initialValues.toStage;
  const backward = stageIndex(toStage) < stageIndex(project.stage);
  const asked = requiredDateOf(toStage);

  const rule = (field: FieldName) => ({
    validator: async () => {
      const issue = stageChangeIssues(form.getFieldsValue(true) as StageChangeValues, context)[field];
      if (issue) throw new Error(issue);
    },
  });

  function focusFirstBlank() {
    const values = form.getFieldsValue(true) as StageChangeValues;
    const blank = asked && !values[asked] ? asked : backward && !values.reason.trim() ? 'reason' : undefined;
    if (blank) form.focusField(blank);
    else body.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }

  const dialog = useFormDialog<StageChangeValues>({
    form,
    fields: ['toStage', 'changedOn', 'reason', ...(asked ? [asked] : [])],
    check: (values) => stageChangeIssues(values, context).form,
    labelOf: (field) => PROJECT_FIELD_LABELS[field as keyof typeof PROJECT_FIELD_LABELS],
    save: async (values) => {
      const target = values.toStage;
      const date = requiredDateOf(target);
      const changed = await invoke('projects.changeStage', {
        id: project.id,
        toStage: target,
        changedOn: iso(values.changedOn) ?? undefined,
        reason: values.reason.trim(),
        ...(date ? { [date]: iso(values[date]) ?? undefined } : {}),
      });
      message.success(`阶段已变更为${STAGE_LABELS[changed.stage]}`);
      onChanged(changed);
    },
  });
  const { saving, formError, submit } = dialog;

  // Enter confirms and Esc cancels, except while a calendar is open: there they pick or close the calendar.
  function onKeyDownCapture() {
    pickerOpenAtKeyDown.current = pickerOpen.current;
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const inCalendar = pickerOpenAtKeyDown.current;
    if (event.key === 'Escape' && inCalendar) {
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || inCalendar) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLButtonElement) return;
    if (target instanceof HTMLTextAreaElement && (event.shiftKey || event.ctrlKey)) return;
    event.preventDefault();
    void submit();
  }
  const onPickerOpenChange = (next: boolean) => {
    pickerOpen.current = next;
  };

  const datePicker = (field: FieldName, label: string, notAfterToday: boolean) => (
    <Form.Item name={field} label={label} required rules={[rule(field)]} dependencies={['toStage']}>
      <DatePicker
        format={DATE_FORMATS}
        placeholder="年-月-日"
        className="sc-date"
        disabledDate={notAfterToday ? (date) => date.format('YYYY-MM-DD') > status.today : undefined}
        onOpenChange={onPickerOpenChange}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title="变更阶段"
      width={520}
      okText="确定变更"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={dialog.cancel(onClose)}
      afterOpenChange={(opened) => {
        if (opened) focusFirstBlank();
      }}
      afterClose={() => dialog.setFormError(undefined)}
      footer={(buttons) => (
        <>
          <span className="zd-keys sc-keys">
            <kbd>Enter</kbd> 确定<kbd>Esc</kbd> 取消<kbd>Shift+Enter</kbd> 原因换行
          </span>
          {buttons}
        </>
      )}
      destroyOnHidden
      mask={{ closable: false }}
      styles={{ footer: { display: 'flex', alignItems: 'center', justifyContent: 'flex-end' } }}
    >
      <div ref={body} onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
        {formError && <Alert type="error" showIcon title={formError} className="sc-alert" />}
        <Form
          form={form}
          name="stageChange"
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: '1 1 0' }}
          colon={false}
          initialValues={initialValues}
          onValuesChange={() => dialog.setFormError(undefined)}
          className="sc-form"
        >
          <Form.Item label="项目">
            <div className="sc-static sc-project">
              <span className="zd-none zd-muted zd-num">{project.code}</span>
              <span className="sc-name">{project.name}</span>
            </div>
          </Form.Item>
          <Form.Item label="当前阶段">
            <div className="sc-static">
              <StageTag stage={project.stage} />
            </div>
          </Form.Item>
          <Form.Item name="toStage" label="变更为" required rules={[rule('toStage')]}>
            <Radio.Group
              optionType="button"
              options={targets.map((t) => ({ value: t.stage, label: t.label }))}
              className="sc-targets"
            />
          </Form.Item>
          {asked === 'plannedStartDate' && datePicker(asked, PROJECT_FIELD_LABELS[asked], false)}
          {asked === 'actualStartDate' && datePicker(asked, PROJECT_FIELD_LABELS[asked], true)}
          {asked === 'actualCompletionDate' && datePicker(asked, PROJECT_FIELD_LABELS[asked], true)}
          {asked && <CheckPrefilled form={form} field={asked} />}
          {datePicker('changedOn', '变更日期', true)}
          <Form.Item
            name="reason"
            label="原因"
            required={backward}
            rules={[rule('reason')]}
            dependencies={['toStage']}
            className="sc-reason"
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              placeholder={backward ? `须写明退回${STAGE_LABELS[toStage]}的原因` : '选填'}
            />
          </Form.Item>
          <div className="sc-hint zd-hint">{hintOf(toStage, status.planYear)}</div>
        </Form>
      </div>
    </Modal>
  );
}

/** A prefilled date that breaks the rule is pointed out as soon as its stage is chosen, not on confirming. */
function CheckPrefilled({ form, field }: { form: FormInstance<StageChangeValues>; field: RequiredDate }) {
  useEffect(() => {
    if (form.getFieldValue(field)) form.validateFields([field]).catch(() => {});
  }, [form, field]);
  return null;
}

function hintOf(toStage: Stage, planYear: number): string {
  const needs: Partial<Record<Stage, string>> = {
    new_start: `列入新开工须有${planYear}年内的计划开工日期。`,
    continuing: '转入续建须有实际开工日期。',
    completed: '转入竣工须有实际竣工日期。',
  };
  return `${needs[toStage] ?? ''}变更将记入阶段变更记录。`;
}
