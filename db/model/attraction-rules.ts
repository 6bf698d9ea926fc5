import type { ProjectFields } from './project';

// 招商 dates follow each other: 签约 → 注册 → 开工 → 投产. Each rule needs 注册 or 投产 (fields added with #16),
// so a record kept before them — a 开工 before its 签约 included — stays as it was.
// 到位资金 above 合同投资 is allowed: an investor who adds capital (增资) brings more than the contract said,
// and the office reports that as a 到位率 over 100%.

type AttractionDates = Pick<ProjectFields, 'signingDate' | 'registrationDate' | 'actualStartDate' | 'productionDate'>;

/** `gap`: a date the record lacks rather than one that contradicts another (see missing-data.ts) */
export type AttractionIssue = { field: keyof AttractionDates; message: string; gap?: boolean };

export function attractionDateIssues(p: AttractionDates): AttractionIssue[] {
  const issues: AttractionIssue[] = [];
  if (p.registrationDate) {
    if (!p.signingDate) {
      issues.push({ field: 'signingDate', message: '已填注册日期，请先填写签约日期', gap: true });
    } else if (p.registrationDate < p.signingDate) {
      issues.push({ field: 'registrationDate', message: '注册日期不能早于签约日期' });
    }
    if (p.actualStartDate && p.actualStartDate < p.registrationDate) {
      issues.push({ field: 'actualStartDate', message: '实际开工日期不能早于注册日期' });
    }
  }
  if (p.productionDate) {
    if (!p.actualStartDate) {
      issues.push({ field: 'actualStartDate', message: '已填投产日期，请先填写实际开工日期', gap: true });
    } else if (p.productionDate < p.actualStartDate) {
      issues.push({ field: 'productionDate', message: '投产日期不能早于实际开工日期' });
    }
    if (p.signingDate && p.productionDate < p.signingDate) {
      issues.push({ field: 'productionDate', message: '投产日期不能早于签约日期' });
    }
  }
  return issues;
}
