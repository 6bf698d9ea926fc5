import { Col, Form, type FormInstance } from 'antd';
import type { ProjectView } from '../../../electron/api-spec';
import { formatPercent, formatWan, parseWan } from '../../../db/model/money';
import type { ProjectFormValues } from './form-values';

/** “1—11月”, the span the monthly figures cover. */
export function monthsLabel(reportedMonths: number): string {
  if (reportedMonths <= 0) return '尚无月度数据';
  return reportedMonths === 1 ? '1月' : `1—${reportedMonths}月`;
}

/** The office's 时序进度 (the same for every project), as the lights use it. */
export function timeProgressText(timeProgress: ProjectView['timeProgress']): string {
  return `${(timeProgress.value * 100).toFixed(1)}%`;
}

function typedYuan(text: string | undefined, stored: number): number {
  const parsed = parseWan(text ?? '');
  return parsed.ok ? (parsed.yuan ?? 0) : stored;
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Col span={6}>
      <Form.Item label={label} extra={note}>
        <div className="pf-readonly zd-nowrap num" aria-label={label}>
          {value}
        </div>
      </Form.Item>
    </Col>
  );
}

/** The figures computed from monthly entries, read-only; they follow what the clerk is typing. */
export function DerivedFigures({ form, project }: { form: FormInstance<ProjectFormValues>; project: ProjectView }) {
  const annualPlanText = Form.useWatch('annualPlanYuan', form);
  const investedBeforeText = Form.useWatch('investedBeforeYearYuan', form);
  const annualPlan = typedYuan(annualPlanText, project.annualPlanYuan);
  const investedBefore = typedYuan(investedBeforeText, project.investedBeforeYearYuan);
  const months = monthsLabel(project.reportedMonths);
  return (
    <>
      <Figure label="本年累计完成投资" value={formatWan(project.yearCompletedYuan)} note={`各月合计（${months}）`} />
      <Figure
        label="自开工累计完成投资"
        value={formatWan(investedBefore + project.yearCompletedYuan)}
        note="上年底累计＋本年累计"
      />
      <Figure
        label="年度投资完成率"
        value={formatPercent(project.yearCompletedYuan, annualPlan) || '—'}
        note="本年累计÷本年计划"
      />
      <Figure label="时序进度" value={timeProgressText(project.timeProgress)} note={project.timeProgress.basis} />
    </>
  );
}
