import { Alert } from 'antd';
import { formatChineseDate, yearOf } from '../../../db/model/dates';
import type { RolloverProposal } from '../../../db/model/rollover';
import type { Stage } from '../../../db/model/stages';
import { StageTag } from '../../ui/StageTag';
import { countByKind, type MoveKind } from './rollover-summary';

interface IntroRow {
  kind: MoveKind | 'unstarted';
  from: Stage;
  to: Stage;
  which: string;
  how: string;
}

function introRows(fromYear: number, toYear: number): IntroRow[] {
  return [
    {
      kind: 'toContinuing',
      from: 'new_start',
      to: 'continuing',
      which: `${fromYear}年已开工（已填实际开工日期）的新开工项目`,
      how: '默认勾选',
    },
    { kind: 'toCompleted', from: 'continuing', to: 'completed', which: '已填实际竣工日期的续建项目', how: '默认勾选' },
    {
      kind: 'toNewStart',
      from: 'preliminary',
      to: 'new_start',
      which: `计划开工日期在${toYear}年的前期项目，拟列入${toYear}年新开工`,
      how: '默认勾选',
    },
    {
      kind: 'unstarted',
      from: 'new_start',
      to: 'preliminary',
      which: `计划开工日期在${fromYear}年、仍未开工的新开工项目`,
      how: `须逐个处理：退回前期，或改定${toYear}年的计划开工日期`,
    },
  ];
}

/** Step 1 说明: what the rollover will do, with the number of projects each rule touches. */
export function RolloverIntro({ proposal, today }: { proposal: RolloverProposal; today: string }) {
  const { fromYear, toYear } = proposal;
  const counts = new Map<IntroRow['kind'], number>(
    countByKind(proposal.moves, new Set()).map((c) => [c.kind, c.total]),
  );
  counts.set('unstarted', proposal.unstarted.length);
  const early = yearOf(today) <= fromYear;
  return (
    <div className="rollover-panel rollover-intro">
      <p className="rollover-lead">
        将计划年度从 <b>{fromYear}年</b> 结转到 <b>{toYear}年</b>，重建{toYear}
        年度项目清单。系统先列出全部拟变更事项，您逐项核对、取消勾选不需要的，确认后一次性执行。
      </p>
      {early && (
        <Alert
          className="rollover-alert"
          type="warning"
          showIcon
          title={`今天是${formatChineseDate(today)}，${fromYear}年度尚未结束`}
          description={`结转后，各项目${fromYear}年累计完成投资即并入“截至上年底累计”，此后再补报的${fromYear}年月度数据不会计入。一般在12月数据报送完毕后、次年年初结转。`}
        />
      )}
      <table className="zd-grid rollover-table rollover-intro-table">
        <colgroup>
          <col style={{ width: 48 }} />
          <col style={{ width: 168 }} />
          <col />
          <col style={{ width: 88 }} />
          <col style={{ width: 220 }} />
        </colgroup>
        <thead>
          <tr>
            <th className="num">序号</th>
            <th>结转事项</th>
            <th>适用项目</th>
            <th className="num">项目数</th>
            <th>处理方式</th>
          </tr>
        </thead>
        <tbody>
          {introRows(fromYear, toYear).map((row, index) => (
            <tr key={row.kind}>
              <td className="num">{index + 1}</td>
              <td>
                <StageTag stage={row.from} />
                <span className="rollover-arrow zd-faint">→</span>
                <StageTag stage={row.to} />
              </td>
              <td>{row.which}</td>
              <td className="num">{counts.get(row.kind) ?? 0}个</td>
              <td>{row.how}</td>
            </tr>
          ))}
          <tr>
            <td className="num">5</td>
            <td>投资数字结转</td>
            <td>“本年累计完成投资”并入“截至上年底累计”；“本年计划投资”清零，月度完成投资从{toYear}年1月起重新填报</td>
            <td className="num">{proposal.money.length}个</td>
            <td>全部结转，合计金额不变</td>
          </tr>
          <tr>
            <td className="num">6</td>
            <td>计划年度</td>
            <td>
              {fromYear}年 → {toYear}年
            </td>
            <td className="num" />
            <td>页面顶部的年度随之改变</td>
          </tr>
        </tbody>
      </table>
      <ul className="rollover-notes zd-muted">
        <li>执行前自动备份全部数据；执行后可在“完成”一步撤销本次结转，恢复到结转前的状态。</li>
        <li>储备项目和已竣工项目的阶段不变；每项阶段变更都记入项目的阶段变更记录，原因注明“年度结转”。</li>
        <li>{fromYear}年各月完成投资数据保留在库中，不会删除。</li>
      </ul>
    </div>
  );
}
