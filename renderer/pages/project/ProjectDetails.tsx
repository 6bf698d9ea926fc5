import { Descriptions, type DescriptionsProps } from 'antd';
import { annualCompletionRate } from '../../../db/model/derived';
import { formatWan } from '../../../db/model/money';
import {
  CATEGORY_LABELS,
  NATURE_LABELS,
  PROJECT_FIELD_LABELS as LABELS,
  type ProjectDetail,
} from '../../../db/model/project';
import type { ProjectView } from '../../../electron/api-spec';
import { monthsLabel, timeProgressText } from './DerivedFigures';
import { StageTag } from '../../ui/StageTag';

type Items = NonNullable<DescriptionsProps['items']>;

const yesNo = (value: boolean) => (value ? '是' : '否');

function years(p: ProjectDetail): string {
  if (p.startYear === null && p.endYear === null) return '';
  return `${p.startYear ?? '?'}—${p.endYear ?? '?'}年`;
}

function chainLead(p: ProjectDetail): string {
  if (!p.chainLead) return '';
  return p.chainLeadOverride?.trim() ? `${p.chainLead}（本项目指定）` : p.chainLead;
}

/** 注册, 投产 and the money of a 招商引资 project (or of any project holding them). */
function attractionItems(p: ProjectDetail): Items {
  const held = p.registrationDate || p.productionDate || p.contractInvestmentYuan || p.fundsInPlaceYuan;
  if (!p.isInvestmentPromotion && !held) return [];
  const months = p.startWithinMonths === null ? '按设置' : `${p.startWithinMonths}个月`;
  return [
    { key: 'registration', label: LABELS.registrationDate, children: p.registrationDate ?? '' },
    { key: 'production', label: LABELS.productionDate, children: p.productionDate ?? '' },
    { key: 'startWithin', label: LABELS.startWithinMonths, children: months },
    { key: 'contract', label: '合同投资（万元）', children: formatWan(p.contractInvestmentYuan) },
    { key: 'funds', label: '到位资金（万元）', children: formatWan(p.fundsInPlaceYuan) },
  ];
}

function recordItems(p: ProjectDetail): Items {
  return [
    { key: 'code', label: LABELS.code, children: p.code },
    { key: 'name', label: LABELS.name, children: p.name, span: 2 },
    { key: 'category', label: LABELS.category, children: CATEGORY_LABELS[p.category] },
    { key: 'stage', label: LABELS.stage, children: <StageTag stage={p.stage} /> },
    { key: 'chain', label: LABELS.chainId, children: p.chainName },
    { key: 'chainLead', label: '链长', children: chainLead(p) },
    { key: 'promotion', label: LABELS.isInvestmentPromotion, children: yesNo(p.isInvestmentPromotion) },
    { key: 'leadUnit', label: LABELS.leadUnitId, children: p.leadUnitName ?? '' },
    { key: 'contactLeader', label: LABELS.contactLeaderId, children: p.contactLeaderName ?? '' },
    { key: 'units', label: LABELS.responsibleUnitIds, children: p.responsibleUnitNames.join('、'), span: 2 },
    { key: 'person', label: LABELS.responsiblePerson, children: p.responsiblePerson },
    { key: 'contact', label: LABELS.contactPerson, children: p.contactPerson },
    { key: 'phone', label: LABELS.contactPhone, children: p.contactPhone },
    { key: 'statistics', label: LABELS.inStatistics, children: yesNo(p.inStatistics) },
    { key: 'owner', label: LABELS.owner, children: p.owner, span: 2 },
    { key: 'location', label: LABELS.location, children: p.location, span: 2 },
    { key: 'park', label: LABELS.parkId, children: p.parkName ?? '' },
    { key: 'nature', label: LABELS.nature, children: p.nature ? NATURE_LABELS[p.nature] : '' },
    { key: 'years', label: '建设起止年限', children: years(p) },
    { key: 'signing', label: LABELS.signingDate, children: p.signingDate ?? '' },
    { key: 'levels', label: LABELS.levelIds, children: p.levelNames.join('、'), span: 3 },
    { key: 'township', label: LABELS.townshipId, children: p.townshipName ?? '' },
    ...attractionItems(p),
    { key: 'plannedStart', label: LABELS.plannedStartDate, children: p.plannedStartDate ?? '' },
    { key: 'actualStart', label: LABELS.actualStartDate, children: p.actualStartDate ?? '' },
    { key: 'plannedEnd', label: LABELS.plannedCompletionDate, children: p.plannedCompletionDate ?? '' },
    { key: 'actualEnd', label: LABELS.actualCompletionDate, children: p.actualCompletionDate ?? '' },
    { key: 'content', label: LABELS.content, children: <div className="zd-long">{p.content}</div>, span: 4 },
    { key: 'progress', label: LABELS.progressText, children: <div className="zd-long">{p.progressText}</div>, span: 4 },
    { key: 'note', label: LABELS.note, children: <div className="zd-long">{p.note}</div>, span: 4 },
  ];
}

function moneyColumns(p: ProjectView): { label: string; period?: string; value: string }[] {
  const rate = annualCompletionRate(p.yearCompletedYuan, p.annualPlanYuan);
  const months = monthsLabel(p.reportedMonths);
  return [
    { label: LABELS.totalInvestmentYuan, value: formatWan(p.totalInvestmentYuan) },
    { label: LABELS.investedBeforeYearYuan, value: formatWan(p.investedBeforeYearYuan) },
    { label: LABELS.annualPlanYuan, value: formatWan(p.annualPlanYuan) },
    { label: '本年累计完成投资', period: months, value: formatWan(p.yearCompletedYuan) },
    { label: '自开工累计完成投资', value: formatWan(p.sinceStartCompletedYuan) },
    { label: '年度投资完成率', value: rate === null ? '—' : `${(rate * 100).toFixed(1)}%` },
    { label: '时序进度', period: p.timeProgress.basis, value: timeProgressText(p.timeProgress) },
  ];
}

/** The money of the record in one ledger row, 万元. */
function MoneyRow({ project }: { project: ProjectView }) {
  const columns = moneyColumns(project);
  return (
    <table className="zd-table pd-money">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label}>
              {c.label}
              {c.period && <div className="pd-th-period zd-hint">{c.period}</div>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {columns.map((c) => (
            <td key={c.label} className="num">
              {c.value}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Every field of the record, dense and bordered like the ledger on paper. */
export function ProjectDetails({ project }: { project: ProjectView }) {
  return (
    <>
      <Descriptions
        className="pd-block"
        bordered
        size="small"
        column={4}
        items={recordItems(project)}
        classNames={{ label: 'pd-label' }}
      />
      <h3 className="pd-section-title zd-strong zd-secondary">投资情况（万元）</h3>
      <MoneyRow project={project} />
    </>
  );
}
