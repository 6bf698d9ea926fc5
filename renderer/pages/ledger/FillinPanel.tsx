import { useState } from 'react';
import { weekOf } from '../../../db/model/weeks';
import { useAppStatus } from '../../app/app-status';
import { FillinExportPart } from './FillinExportPart';
import { FillinPeriodBar } from './FillinPeriodBar';
import { FillinReadPart } from './FillinReadPart';
import { currentMonth, periodOf, periodText, type PeriodKind } from './fillin-period';
import { useFillinReader } from './fillin-reader';
import './fillin.css';

/** 责任单位填报表: send each responsible unit a sheet of its projects for a week or month, and read them back. */
export function FillinPanel({ planYear }: { planYear: number }) {
  const { status } = useAppStatus();
  const thisWeek = weekOf(status.today);
  const lastMonth = currentMonth(status.today, planYear);
  const [kind, setKind] = useState<PeriodKind>('week');
  const [week, setWeek] = useState(thisWeek.key);
  const [month, setMonth] = useState(lastMonth);
  const reader = useFillinReader();
  const period = periodOf(kind, week, planYear, month);

  const change = (next: { kind?: PeriodKind; week?: string; month?: number }) => {
    const nextKind = next.kind ?? kind;
    const nextWeek = next.week ?? week;
    const nextMonth = next.month ?? month;
    setKind(nextKind);
    setWeek(nextWeek);
    setMonth(nextMonth);
    reader.periodChanged(periodOf(nextKind, nextWeek, planYear, nextMonth));
  };

  return (
    <section className="ledger-panel fillin" aria-labelledby="fillin-title">
      <h2 className="ledger-panel-title zd-strong" id="fillin-title">
        责任单位填报表
      </h2>
      <FillinPeriodBar
        kind={kind}
        week={week}
        month={month}
        planYear={planYear}
        currentWeek={thisWeek}
        lastMonth={lastMonth}
        disabled={reader.busy !== null}
        onKind={(k) => change({ kind: k })}
        onWeek={(w) => change({ week: w })}
        onMonth={(m) => change({ month: m })}
      />
      <FillinExportPart period={period} periodText={periodText(period)} />
      <FillinReadPart period={period} reader={reader} />
    </section>
  );
}
