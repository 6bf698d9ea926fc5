import { Link } from 'wouter';
import type { AttractionFigures, ChainAttraction, Rate } from '../../../db/model/attraction';
import { libraryHref } from '../../links/library-href';
import { MoneyCell } from '../../ui/MoneyCell';
import { percentText } from '../../ui/percent';

function RateCell({ rate, unit }: { rate: Rate; unit?: 'wan' }) {
  const of = unit === 'wan' ? '' : rate.denominator > 0 ? `${rate.numerator}/${rate.denominator}` : '';
  return (
    <td className="num">
      {percentText(rate.rate)}
      {of && <span className="at-rate-of zd-hint">{of}</span>}
    </td>
  );
}

function FigureCells({ figures }: { figures: AttractionFigures }) {
  return (
    <>
      <td className="num">{figures.signed}</td>
      <td className="num">{figures.registered}</td>
      <td className="num">{figures.started}</td>
      <td className="num">{figures.producing}</td>
      <td className="num">
        <MoneyCell yuan={figures.contractInvestmentYuan} />
      </td>
      <td className="num">
        <MoneyCell yuan={figures.fundsInPlaceYuan} />
      </td>
      <RateCell rate={figures.fundsRate} unit="wan" />
      <RateCell rate={figures.performanceRate} />
      <td className="num">{figures.notYetDue}</td>
    </>
  );
}

/** The 招商 funnel by chain as a table: a chain's name opens its 招商引资 projects in the 项目库. */
export function AttractionTable({ rows, total }: { rows: readonly ChainAttraction[]; total: AttractionFigures }) {
  return (
    <table className="zd-table zd-table-hover at-table" aria-label="招商情况（按产业链）">
      <thead>
        <tr>
          <th>产业链</th>
          <th>链长</th>
          <th className="num">签约</th>
          <th className="num">注册</th>
          <th className="num">开工</th>
          <th className="num">投产</th>
          <th className="num">合同投资（万元）</th>
          <th className="num">到位资金（万元）</th>
          <th className="num">到位率</th>
          <th className="num" title="约定期限已到的项目中，按期开工的比例">
            履约率
          </th>
          <th className="num" title="签约不久、约定开工期限未到，不计入履约率">
            未到期
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.chainId} className={row.signed === 0 ? 'is-empty' : undefined}>
            <td className="zd-nowrap">
              <Link
                href={libraryHref({ chain: row.chainId, promotion: true })}
                title={`在项目库中查看${row.chainName}的全部招商引资项目`}
              >
                {row.chainName}
              </Link>
            </td>
            <td className="zd-nowrap">{row.chainLead}</td>
            <FigureCells figures={row} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="at-total">
          <td colSpan={2}>合计</td>
          <FigureCells figures={total} />
        </tr>
      </tfoot>
    </table>
  );
}
