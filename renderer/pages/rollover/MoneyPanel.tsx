import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Empty } from 'antd';
import { formatWan } from '../../../db/model/money';
import type { MoneyRoll } from '../../../db/model/rollover';
import { moneyTotals } from './rollover-summary';

interface MoneyPanelProps {
  money: readonly MoneyRoll[];
  fromYear: number;
}

/** Step 2, right: the figures every project carries into the new year, read-only, with the sum that must hold. */
export function MoneyPanel({ money, fromYear }: MoneyPanelProps) {
  const totals = moneyTotals(money);
  const balanced = totals.before === totals.after;
  return (
    <section className="rollover-panel rollover-money" aria-label="投资结转">
      <header className="rollover-panel-head">
        <h2 className="zd-card-title">投资结转</h2>
        <span className="zd-muted zd-nowrap">
          共 <span className="num">{money.length}</span> 个项目，全部结转；本年计划投资结转后清零
        </span>
        <span className="zd-gap" />
        <span className="zd-hint">单位：万元</span>
      </header>
      <div className="zd-grid-scroll rollover-scroll">
        {money.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有${fromYear}年的投资数字需要结转`} />
        ) : (
          <table className="zd-grid rollover-table rollover-money-table">
            <colgroup>
              <col />
              <col style={{ width: 96 }} />
              <col style={{ width: 90 }} />
              <col style={{ width: 108 }} />
              <col style={{ width: 84 }} />
            </colgroup>
            <thead>
              <tr>
                <th>项目名称</th>
                <th className="num">
                  截至{fromYear - 1}年底
                  <br />
                  累计
                </th>
                <th className="num">
                  + {fromYear}年
                  <br />
                  完成
                </th>
                <th className="num is-after">
                  = 截至{fromYear}年底
                  <br />
                  累计
                </th>
                <th className="num" title={`结转后清零，待填报${fromYear + 1}年计划`}>
                  {fromYear}年
                  <br />
                  计划
                </th>
              </tr>
            </thead>
            <tbody>
              {money.map((roll) => (
                <tr key={roll.projectId}>
                  <td className="rollover-name" title={`${roll.code} ${roll.name}`}>
                    {roll.name}
                  </td>
                  <td className="num">{formatWan(roll.investedBeforeYearYuan)}</td>
                  <td className="num">{formatWan(roll.yearCompletedYuan)}</td>
                  <td className="num is-after">{formatWan(roll.newInvestedBeforeYearYuan)}</td>
                  <td className="num">{formatWan(roll.annualPlanYuan)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="rollover-totals">
                <td>合计 {money.length} 个项目</td>
                <td className="num">{formatWan(totals.investedBeforeYearYuan)}</td>
                <td className="num">{formatWan(totals.yearCompletedYuan)}</td>
                <td className="num is-after">{formatWan(totals.after)}</td>
                <td className="num">{formatWan(totals.annualPlanYuan)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </div>
      {money.length > 0 && (
        <p className={`rollover-balance ${balanced ? 'is-ok' : 'zd-text-red'}`} role="status">
          {balanced ? <CheckCircleFilled /> : <CloseCircleFilled />}
          <span>
            结转前合计 <b className="num">{formatWan(totals.before)}</b> 万元（上年底累计 + 本年完成），结转后合计{' '}
            <b className="num">{formatWan(totals.after)}</b> 万元，
            {balanced ? '两者相等，投资数字无遗漏。' : '两者不等，请勿执行，并联系维护人员。'}
          </span>
        </p>
      )}
    </section>
  );
}
