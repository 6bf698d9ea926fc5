import { Alert, Spin } from 'antd';
import { useLocation, useSearch } from 'wouter';
import { useApi } from '../../hooks/use-api';
import { useLiveChanges } from '../../hooks/use-live-changes';
import { useSession } from '../../app/session/session';
import { ProblemFeedback } from './ProblemFeedback';
import { UnitChooser } from './UnitChooser';
import { UnitDeskHeader } from './UnitDeskHeader';
import { UnitProjectsTable } from './UnitProjectsTable';
import './unit-desk.css';

const LIVE_KINDS = ['dispatch', 'project', 'problem', 'investment', 'library'] as const;

/**
 * 责任单位填报: a unit's own page (where a unit user lands), or, for the office, any unit's page as the unit sees
 * it (`/unit?unit=12`). Every box saves on its own; the page is read again after each save for its counts.
 */
export function UnitDeskPage() {
  const [, navigate] = useLocation();
  const asked = Number(new URLSearchParams(useSearch()).get('unit'));
  const unitId = Number.isInteger(asked) && asked > 0 ? asked : null;
  const ownUnit = useSession().user?.role === 'unit';
  // a unit user's page is their own unit's; anyone else chooses a unit first, and nothing is asked until then
  const desk = useApi('unitDesk.get', unitId && !ownUnit ? { unitId } : {}, { enabled: ownUnit || unitId !== null });
  const data = desk.data && (unitId === null || desk.data.unitId === unitId || desk.data.asUnit) ? desk.data : null;
  // the office without a unit chosen is asked for one; any refusal is said as it is
  const needsUnit = !ownUnit && unitId === null;
  const onSaved = () => void desk.reload();
  // someone else's change to the unit's projects or problems: read again (a box being typed in keeps its text)
  useLiveChanges(ownUnit || unitId !== null ? LIVE_KINDS : [], onSaved);

  return (
    <div className="zd-page unit-desk">
      <div className="unit-desk-head">
        <h1 className="zd-page-title">责任单位填报{data && <span className="unit-desk-unit">{data.unitName}</span>}</h1>
        {!ownUnit && !data?.asUnit && <UnitChooser unitId={unitId} onChoose={(id) => navigate(`/unit?unit=${id}`)} />}
      </div>
      {desk.error && <Alert type="error" showIcon title={desk.error.message} />}
      {needsUnit && <div className="unit-desk-empty zd-muted">请先选择责任单位。</div>}
      {!data && desk.loading && <Spin description="正在读取…" />}
      {data && (
        <div className="unit-desk-body">
          <UnitDeskHeader desk={data} />
          <UnitProjectsTable desk={data} onSaved={onSaved} />
          <section className="unit-desk-problems" aria-labelledby="unit-desk-problems-title">
            <h2 id="unit-desk-problems-title" className="unit-desk-section-title">
              待反馈问题 <span className="zd-muted num">{data.problems.length}</span>
            </h2>
            {data.problems.length ? (
              <ul>
                {data.problems.map((problem) => (
                  <ProblemFeedback key={problem.id} problem={problem} today={data.today} onSaved={onSaved} />
                ))}
              </ul>
            ) : (
              <div className="zd-muted">没有交给本单位、尚未销号的问题。</div>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
