import { Link } from 'wouter';
import { LIGHT_KIND_LABELS, LIGHT_LABELS, type ProjectLights } from '../../../db/model/lights';
import { SUSPENSION_LABELS } from '../../../db/model/list-membership';
import { MISSING_FIELD_LABELS } from '../../../db/model/missing-data';

/** 预警: the project's level now and every reason behind it, worst first, as the server computed them. */
export function LightsPanel({ lights, editHref }: { lights: ProjectLights; editHref?: string }) {
  if (lights.suspended) {
    // 停建/缓建: no light, only the mark and why (issue #17)
    return (
      <section className="pl-panel pl-suspended" aria-label="预警">
        <span className="zd-none zd-strong">预警</span>
        <span className="suspended-mark">{SUSPENSION_LABELS[lights.suspended.kind]}</span>
        <span className="pl-ok">
          {lights.suspended.since}起{SUSPENSION_LABELS[lights.suspended.kind]}：{lights.suspended.reason}
          。停建、缓建的项目不亮红黄绿灯，复工后恢复预警。
        </span>
      </section>
    );
  }
  return (
    <section className={`pl-panel light-${lights.light}`} aria-label="预警">
      <span className="zd-none zd-strong">预警</span>
      <span className="pl-badge zd-strong zd-small">{LIGHT_LABELS[lights.light]}</span>
      {lights.lights.length === 0 ? (
        <span className="pl-ok">各项正常</span>
      ) : (
        <ul className="pl-reasons zd-plain-list">
          {lights.lights.map((light, i) => (
            <li key={`${light.kind}-${i}`} className={`zd-nowrap light-${light.level}`}>
              <span className="pl-dot" aria-hidden />
              <span className="pl-kind zd-faint">{LIGHT_KIND_LABELS[light.kind]}</span>
              <span className="pl-text">{light.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {lights.missingFields.length > 0 && (
        <span className="pl-missing zd-text-yellow zd-nowrap" role="note">
          <b>资料待补</b>
          {lights.missingFields.map((f) => MISSING_FIELD_LABELS[f]).join('、')}
          {editHref && <Link href={editHref}>去补填</Link>}
        </span>
      )}
    </section>
  );
}
