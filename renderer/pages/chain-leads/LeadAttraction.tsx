import { Link } from 'wouter';
import type { LeadAttraction as LeadFigures } from '../../../db/model/attraction';
import { formatWan } from '../../../db/model/money';
import { percentText } from '../../ui/percent';

/** A 链长's 招商 for the year (the plan makes 招商 a 链长 duty): signed, started, 履约率 and the money. */
export function LeadAttraction({ figures, year }: { figures: LeadFigures | undefined; year: number }) {
  const signed = figures?.signed ?? 0;
  return (
    <div className="cl-attraction zd-small" aria-label="招商">
      <Link href="/attraction" className="cl-attraction-title" title="按产业链查看招商情况">
        {year}年招商
      </Link>
      {!figures || signed === 0 ? (
        <span className="zd-faint">本年没有签约的招商引资项目</span>
      ) : (
        <>
          <span className="zd-muted">
            签约 <b className="num">{signed}</b> 个 · 已开工 <b className="num">{figures.started}</b> 个 · 履约率{' '}
            <b className="num">{percentText(figures.performanceRate.rate)}</b>
            {figures.performanceRate.denominator > 0 && (
              <span className="zd-hint">
                （{figures.performanceRate.numerator}/{figures.performanceRate.denominator}）
              </span>
            )}
          </span>
          <span className="zd-muted">
            合同投资 <span className="num">{formatWan(figures.contractInvestmentYuan)}</span> 万元 / 到位资金{' '}
            <span className="num">{formatWan(figures.fundsInPlaceYuan)}</span> 万元
          </span>
        </>
      )}
    </div>
  );
}
