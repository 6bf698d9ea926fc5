import { Flex } from 'antd';
import { Link } from 'wouter';
import type { StageCounts } from '../../../db/model/overview';
import { libraryHref } from '../../links/library-href';
import { barWidth } from '../../ui/percent';
import { LightBadge } from '../../ui/LightBadge';

/** 红灯 and 黄灯 counts, each opening the library on just those projects; 资料待补 below them when there are any. */
export function LightPanel({ counts, missingData }: { counts: StageCounts; missingData: number }) {
  const { red, yellow, green } = counts.byLight;
  const total = red + yellow + green;
  const share = (n: number) => barWidth(total ? n / total : 0);
  return (
    <section className="zd-panel db-lights" aria-label="预警">
      <h3 className="zd-panel-title">预警</h3>
      <Flex vertical gap={4}>
        <Link className="db-light light-red" href={libraryHref({ light: 'red' })}>
          <LightBadge light="red" className="db-light-dot" decorative />
          红灯
          <b className="num">{red}</b>个
        </Link>
        <Link className="db-light light-yellow" href={libraryHref({ light: 'yellow' })}>
          <LightBadge light="yellow" className="db-light-dot" decorative />
          黄灯
          <b className="num">{yellow}</b>个
        </Link>
        <span className="db-light light-green">
          <LightBadge light="green" className="db-light-dot" decorative />
          绿灯
          <b className="num">{green}</b>个
        </span>
      </Flex>
      <div className="db-light-bar" aria-hidden>
        <span className="light-red" style={{ width: share(red) }} />
        <span className="light-yellow" style={{ width: share(yellow) }} />
        <span className="light-green" style={{ width: share(green) }} />
      </div>
      {missingData > 0 && (
        <Link className="db-missing" href={libraryHref({ light: 'missing' })}>
          资料待补 <b className="num">{missingData}</b> 个项目：阶段所需的日期未填，请补填
        </Link>
      )}
      {Boolean(counts.suspended) && (
        <Link className="db-suspended" href={libraryHref({ light: 'suspended' })}>
          停缓建 <b className="num">{counts.suspended}</b> 个项目：不亮灯，不计入上面的红黄绿灯
        </Link>
      )}
    </section>
  );
}
