import { DatePicker, Form, Input, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { PROBLEM_CATEGORIES, PROBLEM_CATEGORY_LABELS, type ProblemCategory } from '../../db/model/problems';
import type { Unit } from '../../db/model/reference';
import { KeyboardSelect } from './KeyboardSelect';
import { DATE_FORMATS, DEADLINE_BEFORE_RAISED, isoOf, unitOptions } from './problem-form';
import { UnitSelect, useUnitList } from './UnitSelect';
import './problem-dialog.css';

/** The fields of a problem as the form holds them; names are the API's so a refusal lands on its field. */
export interface ProblemFieldValues {
  description: string;
  /** none until the clerk picks one, unless the text it came from suggests one */
  category: ProblemCategory | undefined;
  source: string;
  leadUnitId: number | null;
  responsibleUnitIds: number[];
  responsiblePerson: string;
  raisedOn: Dayjs | null;
  deadline: Dayjs | null;
}

export const PROBLEM_FIELD_NAMES = [
  'description',
  'category',
  'source',
  'leadUnitId',
  'responsibleUnitIds',
  'responsiblePerson',
  'raisedOn',
  'deadline',
] as const;

export const CATEGORY_OPTIONS = PROBLEM_CATEGORIES.map((c) => ({ value: c, label: PROBLEM_CATEGORY_LABELS[c] }));

interface ProblemFieldsProps<T extends ProblemFieldValues> {
  form: FormInstance<T>;
  units: readonly Unit[];
  today: string;
  /** once registered, the raise date is part of the record and is shown, not edited */
  fixedRaisedOn?: string;
  /** units the problem already names, kept selectable even when retired */
  keepUnitIds?: readonly (number | null)[];
}

/** 问题描述 … 办结时限: the body shared by 登记问题 and 修改. */
export function ProblemFields<T extends ProblemFieldValues>({
  form,
  units,
  today,
  fixedRaisedOn,
  keepUnitIds = [],
}: ProblemFieldsProps<T>) {
  const [unitList, setUnitList] = useUnitList(units);
  const options = unitOptions(unitList, keepUnitIds);
  const raisedOn = () => fixedRaisedOn ?? isoOf((form.getFieldsValue(true) as ProblemFieldValues).raisedOn);
  const deadlineRule = {
    validator: async (_: unknown, value: Dayjs | null) => {
      const raised = raisedOn();
      if (value && raised && isoOf(value)! < raised) throw new Error(DEADLINE_BEFORE_RAISED);
    },
  };
  return (
    <div className="pf-grid">
      <Form.Item
        name="description"
        label="问题描述"
        className="pf-wide"
        rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 7 }}
          maxLength={1000}
          showCount
          placeholder="存在什么困难，需要谁协调解决"
        />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择问题类别' }]}>
        <KeyboardSelect options={CATEGORY_OPTIONS} placeholder="请选择类别" />
      </Form.Item>
      <Form.Item name="source" label="来源">
        <Input maxLength={100} placeholder="如：第48周调度会、现场督查" />
      </Form.Item>
      <Form.Item name="leadUnitId" label="牵头单位">
        <UnitSelect options={options} allowClear placeholder="选择牵头单位" onUnitsSaved={setUnitList} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label="责任人">
        <Input maxLength={50} placeholder="姓名或职务" />
      </Form.Item>
      <Form.Item name="responsibleUnitIds" label="责任单位" className="pf-wide">
        <UnitSelect mode="multiple" options={options} allowClear placeholder="可选多个" onUnitsSaved={setUnitList} />
      </Form.Item>
      {fixedRaisedOn ? (
        <Form.Item label="登记日期">
          <div className="pf-static num">{fixedRaisedOn}</div>
        </Form.Item>
      ) : (
        <Form.Item name="raisedOn" label="登记日期" rules={[{ required: true, message: '请填写登记日期' }]}>
          <DatePicker
            format={DATE_FORMATS}
            placeholder="年-月-日"
            className="pf-date"
            disabledDate={(date) => date.format('YYYY-MM-DD') > today}
          />
        </Form.Item>
      )}
      <Form.Item name="deadline" label="办结时限" rules={[deadlineRule]} dependencies={['raisedOn']}>
        <DatePicker format={DATE_FORMATS} placeholder="年-月-日" className="pf-date" />
      </Form.Item>
    </div>
  );
}
