import { Alert, Button, Select, Spin } from 'antd';
import { useState } from 'react';
import { formatChineseDate } from '../../../db/model/dates';
import { useAppStatus } from '../../app/app-status';
import { useApi } from '../../hooks/use-api';
import { AttractionTable } from './AttractionTable';
import './attraction.css';

const YEARS_BACK = 4;

/** 招商: the year's 招商引资 projects by chain, from 签约 to 投产, with the money and 履约率. */
export function AttractionPage() {
  const { status } = useAppStatus();
  const [year, setYear] = useState(status.planYear);
  const stats = useApi('stats.attraction', { year });
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => status.planYear - i);
  return (
    <div className="zd-stack">
      <div className="zd-page-head">
        <h2 className="zd-page-title">招商</h2>
        <Select
          aria-label="签约年度"
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年签约` }))}
          style={{ width: 120 }}
        />
        <span className="zd-gap zd-muted">{stats.data && `数据截至${formatChineseDate(stats.data.today)}`}</span>
        <Button size="small" onClick={() => void stats.reload()} loading={stats.loading}>
          刷新
        </Button>
      </div>
      {stats.error && !stats.data ? (
        <Alert type="error" showIcon title="招商情况读取失败" description={stats.error.message} />
      ) : !stats.data ? (
        <Spin description="正在汇总…">
          <div className="zd-loading-box" />
        </Spin>
      ) : (
        <>
          <AttractionTable rows={stats.data.byChain} total={stats.data.total} />
          <p className="at-notes zd-muted zd-small">
            统计{stats.data.year}年签约的招商引资项目；注册、开工、投产为其中已填相应日期的项目数（不论在哪一年）。
            到位率 = 到位资金 ÷ 合同投资。履约率 = 约定开工期限已到的项目中，期限内开工的项目数 ÷
            期限已到的项目数；期限按项目单独约定的月数，未约定的按设置（{stats.data.defaultStartMonths}
            个月），签约不久、期限未到的项目计入“未到期”，不计入履约率。
          </p>
        </>
      )}
    </div>
  );
}
