import type { ProjectView } from '../../../electron/api-spec';
import { Col, DatePicker, Form, Input, Radio, Row, type FormInstance, type FormRule, Flex } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  NATURES,
  NATURE_LABELS,
  PROJECT_FIELD_LABELS as LABELS,
  type ProjectFields,
} from '../../../db/model/project';
import type { ReferenceData } from '../../../db/model/reference';
import { STAGES, STAGE_LABELS, type Stage } from '../../../db/model/stages';
import { invoke } from '../../api';
import { KeyboardSelect } from '../../components/KeyboardSelect';
import { MoneyInput } from '../../ui/MoneyInput';
import { UnitSelect, useUnitList } from '../../components/UnitSelect';
import { useApi } from '../../hooks/use-api';
import { DerivedFigures } from './DerivedFigures';
import { useShowAttraction } from './show-attraction';
import { checkProjectForm, type CheckContext } from './form-checks';
import type { ProjectFormValues } from './form-values';
import { yearRangeRule } from './form-warnings';
import { chainOptions, referenceOptions } from './reference-options';
import { StageTag } from '../../ui/StageTag';

export interface ProjectFormProps {
  form: FormInstance<ProjectFormValues>;
  mode: 'create' | 'edit';
  initialValues: ProjectFormValues;
  reference: ReferenceData;
  checkContext: CheckContext;
  /** the stored project when editing: its stage and derived figures */
  project?: ProjectView;
  /** under a field, in place of its hint: the saved value beside the typed one after 载入最新内容 */
  fieldNotes?: Partial<Record<keyof ProjectFields, ReactNode>>;
  onValuesChange(): void;
}

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/M/D', 'YYYY.M.D'];
/** a field's note under it: one small line, cut short rather than pushing the next row down */
const FIELD_EXTRA: CSSProperties = {
  fontSize: 12,
  lineHeight: '18px',
  minHeight: 18,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};
const BOOLEAN_OPTIONS = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function stageHint(stage: Stage | undefined, planYear: number): string {
  switch (stage) {
    case 'new_start':
      return `新开工须填写${planYear}年内的计划开工日期`;
    case 'continuing':
      return '续建须填写实际开工日期';
    case 'completed':
      return '竣工须填写实际开工、实际竣工日期';
    default:
      return '新开工、续建、竣工须填写相应日期';
  }
}

function Section({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section className="pf-section">
      <h3 className="zd-panel-title pf-section-title">
        {title}
        {note && <span className="zd-panel-note">{note}</span>}
      </h3>
      <Row gutter={[16, 0]}>{children}</Row>
    </section>
  );
}

/** The paper form of one project: every ledger field, grouped as the office's 台账 groups them. */
export function ProjectForm({
  form,
  mode,
  initialValues,
  reference,
  checkContext,
  project,
  fieldNotes = {},
  onValuesChange,
}: ProjectFormProps) {
  const chainId = Form.useWatch('chainId', form);
  const stage = Form.useWatch('stage', form);
  const showAttraction = useShowAttraction(form, initialValues);
  const actualStart = Form.useWatch('actualStartDate', form) as Dayjs | null | undefined;
  const defaultMonths = useApi('settings.get', {}).data?.attractionStartMonths;
  const autoCode = useRef<string | null>(null);
  const [unitList, setUnitList] = useUnitList(reference.units);

  useEffect(() => {
    if (mode !== 'create' || !chainId) return;
    const typed = () => String(form.getFieldValue('code') ?? '').trim();
    if (typed() && typed() !== autoCode.current) return;
    let stale = false;
    invoke('projects.nextCode', { chainId })
      .then(({ code }) => {
        if (stale || (typed() && typed() !== autoCode.current)) return;
        autoCode.current = code;
        form.setFields([{ name: 'code', value: code, errors: [] }]);
      })
      // The server fills an empty code on save, so a missed suggestion costs nothing.
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [chainId, form, mode]);

  const rule =
    (field: keyof ProjectFields): FormRule =>
    (instance) => ({
      validator: async () => {
        const values = instance.getFieldsValue(true) as ProjectFormValues;
        const message = checkProjectForm(values, checkContext).issues[field];
        if (message) throw new Error(message);
      },
    });

  const keptUnits = [initialValues.leadUnitId, ...initialValues.responsibleUnitIds];
  const chains = chainOptions(reference.chains, initialValues.chainId);
  const units = referenceOptions(unitList, keptUnits);
  const parks = referenceOptions(reference.parks, [initialValues.parkId]);
  const townships = referenceOptions(reference.townships, [initialValues.townshipId]);
  const contactLeaders = referenceOptions(reference.contactLeaders, [initialValues.contactLeaderId]);
  const levels = referenceOptions(reference.levels, initialValues.levelIds);
  const chain = reference.chains.find((c) => c.id === chainId);
  const afterToday = (date: Dayjs) => date.format('YYYY-MM-DD') > checkContext.today;

  const text = (
    field: keyof ProjectFields,
    span: number,
    max: number,
    extra?: Partial<{ required: boolean; placeholder: string }>,
  ) => (
    <Col span={span}>
      <Form.Item
        name={field}
        label={LABELS[field]}
        rules={[rule(field)]}
        required={extra?.required}
        extra={fieldNotes[field]}
      >
        <Input maxLength={max} placeholder={extra?.placeholder} autoComplete="off" />
      </Form.Item>
    </Col>
  );
  const date = (
    field: keyof ProjectFields,
    dependencies: (keyof ProjectFields)[],
    actual: boolean,
    warning?: FormRule,
  ) => (
    <Col flex="20%">
      <Form.Item
        name={field}
        label={LABELS[field]}
        rules={warning ? [rule(field), warning] : [rule(field)]}
        dependencies={dependencies}
        extra={fieldNotes[field]}
      >
        <DatePicker
          format={DATE_FORMATS}
          placeholder="年-月-日"
          style={{ width: '100%' }}
          disabledDate={actual ? afterToday : undefined}
        />
      </Form.Item>
    </Col>
  );
  const money = (field: keyof ProjectFields, dependencies: (keyof ProjectFields)[] = []) => (
    <Col span={6}>
      <Form.Item
        name={field}
        label={LABELS[field]}
        rules={[rule(field)]}
        dependencies={dependencies}
        validateDebounce={400}
        extra={fieldNotes[field]}
      >
        <MoneyInput placeholder="0.00" showMessage={false} />
      </Form.Item>
    </Col>
  );
  const yesNo = (field: keyof ProjectFields) => (
    <Col span={6}>
      <Form.Item name={field} label={LABELS[field]} extra={fieldNotes[field]}>
        <Radio.Group options={BOOLEAN_OPTIONS} />
      </Form.Item>
    </Col>
  );

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      className="project-form"
      styles={{ extra: FIELD_EXTRA }}
      autoComplete="off"
    >
      <Section title="基本信息">
        <Col span={6}>
          <Form.Item
            name="code"
            label={LABELS.code}
            rules={[rule('code')]}
            extra={fieldNotes.code ?? (mode === 'create' ? '自动生成：选择产业链后填入，可修改' : undefined)}
          >
            <Input maxLength={30} placeholder="如 DZ-2026-001" autoComplete="off" />
          </Form.Item>
        </Col>
        {text('name', 12, 100, { required: true, placeholder: '与立项批复名称一致' })}
        <Col span={6}>
          <Form.Item name="category" label={LABELS.category} rules={[rule('category')]} extra={fieldNotes.category}>
            <KeyboardSelect options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          </Form.Item>
        </Col>
        {mode === 'create' ? (
          <Col span={6}>
            <Form.Item
              name="stage"
              label={LABELS.stage}
              rules={[rule('stage')]}
              required
              extra={stageHint(stage, checkContext.planYear)}
            >
              <KeyboardSelect
                placeholder="请选择阶段"
                options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
              />
            </Form.Item>
          </Col>
        ) : (
          <Col span={6}>
            <Form.Item label={LABELS.stage} extra="阶段变更请在项目页办理">
              <div className="pf-readonly zd-nowrap">{project && <StageTag stage={project.stage} />}</div>
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item
            name="chainId"
            label={LABELS.chainId}
            rules={[rule('chainId')]}
            required
            extra={fieldNotes.chainId}
          >
            <KeyboardSelect
              placeholder="请选择产业链"
              popupMatchSelectWidth={false}
              options={chains}
              optionRender={(option) => (
                <Flex justify="space-between" gap={12}>
                  <span>{option.label}</span>
                  <span className="zd-hint zd-nowrap">
                    {option.data.lead ? `链长：${option.data.lead}` : '未设链长'}
                  </span>
                </Flex>
              )}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="chainLeadOverride"
            label="链长"
            rules={[rule('chainLeadOverride')]}
            extra={fieldNotes.chainLeadOverride ?? '留空即为产业链链长；填写则本项目单独指定'}
          >
            <Input
              maxLength={50}
              autoComplete="off"
              placeholder={chain ? chain.chainLead || '该产业链未设链长' : '先选择产业链'}
            />
          </Form.Item>
        </Col>
        {yesNo('isInvestmentPromotion')}
        <Col span={12}>
          <Form.Item
            name="levelIds"
            label={LABELS.levelIds}
            rules={[rule('levelIds')]}
            extra={
              fieldNotes.levelIds ??
              (mode === 'create'
                ? '列入哪些重点项目名单，可选多个'
                : '在此增删即按今天调入、调出；要写实际日期和原因，请用项目页的“名单与停缓建”')
            }
          >
            <KeyboardSelect mode="multiple" allowClear placeholder="如 省重点、市本级重点" options={levels} />
          </Form.Item>
        </Col>
      </Section>

      <Section title="责任与联系">
        <Col span={6}>
          <Form.Item
            name="leadUnitId"
            label={LABELS.leadUnitId}
            rules={[rule('leadUnitId')]}
            extra={fieldNotes.leadUnitId}
          >
            <UnitSelect allowClear placeholder="请选择" options={units} onUnitsSaved={setUnitList} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item
            name="responsibleUnitIds"
            label={LABELS.responsibleUnitIds}
            rules={[rule('responsibleUnitIds')]}
            extra={fieldNotes.responsibleUnitIds}
          >
            <UnitSelect mode="multiple" allowClear placeholder="可选多个" options={units} onUnitsSaved={setUnitList} />
          </Form.Item>
        </Col>
        {text('responsiblePerson', 6, 50)}
        {text('contactPerson', 6, 50)}
        {text('contactPhone', 6, 40, { placeholder: '手机或座机' })}
        <Col span={6}>
          <Form.Item
            name="contactLeaderId"
            label={LABELS.contactLeaderId}
            rules={[rule('contactLeaderId')]}
            extra={fieldNotes.contactLeaderId ?? '名单在“设置 → 包挂领导”中维护'}
          >
            <KeyboardSelect allowClear placeholder="请选择" options={contactLeaders} />
          </Form.Item>
        </Col>
      </Section>

      <Section title="建设信息">
        {text('owner', 12, 100, { required: true, placeholder: '业主单位全称' })}
        {text('location', 12, 100)}
        <Col span={6}>
          <Form.Item name="parkId" label={LABELS.parkId} rules={[rule('parkId')]} extra={fieldNotes.parkId}>
            <KeyboardSelect allowClear placeholder="请选择" options={parks} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="nature" label={LABELS.nature} rules={[rule('nature')]} extra={fieldNotes.nature}>
            <KeyboardSelect
              allowClear
              placeholder="请选择"
              options={NATURES.map((n) => ({ value: n, label: NATURE_LABELS[n] }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="townshipId"
            label={LABELS.townshipId}
            rules={[rule('townshipId')]}
            extra={fieldNotes.townshipId}
          >
            <KeyboardSelect allowClear placeholder="请选择乡镇/街道" options={townships} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            label="建设起止年限"
            className="pf-years"
            extra={
              (fieldNotes.startYear || fieldNotes.endYear) && (
                <>
                  {fieldNotes.startYear}
                  {fieldNotes.endYear}
                </>
              )
            }
          >
            <div className="pf-year-pair">
              <Form.Item name="startYear" rules={[rule('startYear')]} className="pf-year">
                <Input
                  maxLength={4}
                  inputMode="numeric"
                  placeholder="起始年"
                  autoComplete="off"
                  aria-label="建设起始年"
                />
              </Form.Item>
              <span className="pf-year-dash zd-faint">—</span>
              <Form.Item name="endYear" rules={[rule('endYear')]} dependencies={['startYear']} className="pf-year">
                <Input
                  maxLength={4}
                  inputMode="numeric"
                  placeholder="结束年"
                  autoComplete="off"
                  aria-label="建设结束年"
                />
              </Form.Item>
            </div>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="content" label={LABELS.content} rules={[rule('content')]} extra={fieldNotes.content}>
            <Input.TextArea
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="主要建设内容、规模及产能"
            />
          </Form.Item>
        </Col>
      </Section>

      <Section title="时间节点" note="实际日期不能晚于今天">
        {date('plannedStartDate', ['stage', 'startYear', 'endYear'], false, yearRangeRule('plannedStartDate'))}
        {date('actualStartDate', ['stage', 'actualCompletionDate', 'registrationDate', 'productionDate'], true)}
        {date(
          'plannedCompletionDate',
          ['plannedStartDate', 'startYear', 'endYear'],
          false,
          yearRangeRule('plannedCompletionDate'),
        )}
        {date('actualCompletionDate', ['stage', 'actualStartDate'], true)}
      </Section>

      {showAttraction && (
        <Section title="招商" note="签约 → 注册 → 开工 → 投产；金额单位万元">
          {date('signingDate', ['registrationDate'], true)}
          {date('registrationDate', ['signingDate', 'actualStartDate'], true)}
          <Col flex="20%">
            <Form.Item label="开工" extra="即上方“实际开工日期”">
              <div className="pf-readonly zd-nowrap">{actualStart ? actualStart.format('YYYY-MM-DD') : '未开工'}</div>
            </Form.Item>
          </Col>
          {date('productionDate', ['actualStartDate', 'signingDate'], true)}
          <Col flex="20%">
            <Form.Item
              name="startWithinMonths"
              label={LABELS.startWithinMonths}
              rules={[rule('startWithinMonths')]}
              extra={fieldNotes.startWithinMonths ?? '签约后几个月内开工；留空按设置'}
            >
              <Input
                maxLength={3}
                inputMode="numeric"
                autoComplete="off"
                suffix="个月"
                placeholder={defaultMonths ? `${defaultMonths}（设置）` : '按设置'}
              />
            </Form.Item>
          </Col>
          {money('contractInvestmentYuan')}
          {money('fundsInPlaceYuan')}
        </Section>
      )}

      <Section title="投资（万元）">
        {money('totalInvestmentYuan')}
        {money('investedBeforeYearYuan', ['totalInvestmentYuan'])}
        {money('annualPlanYuan')}
        {project && <DerivedFigures form={form} project={project} />}
      </Section>

      <Section title="进度与其他">
        {text('progressText', 18, 500, { placeholder: '如：主体结构封顶，设备进场安装' })}
        {yesNo('inStatistics')}
        <Col span={24}>
          <Form.Item name="note" label={LABELS.note} rules={[rule('note')]} extra={fieldNotes.note}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Section>
    </Form>
  );
}
