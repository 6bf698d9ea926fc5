import { LIGHT_LABELS, type ProjectLights } from '../../../db/model/lights';
import { suspensionText } from '../../../db/model/list-membership';
import { LightBadge } from '../../ui/LightBadge';

/** Every reason on its own line, each with its level, for the cell's tooltip. */
export function lightTitle(project: Pick<ProjectLights, 'lights' | 'suspended'>): string {
  if (project.suspended) return `${suspensionText(project.suspended)}：不参与红黄绿灯预警`;
  if (project.lights.length === 0) return '绿灯：暂无预警';
  return project.lights.map((l) => `${LIGHT_LABELS[l.level]}：${l.reason}`).join('\n');
}

/** 预警 cell: the dot and the worst reason; the rest are counted and listed in the tooltip. 停建/缓建: the mark. */
export function LightCell({ project }: { project: Pick<ProjectLights, 'light' | 'lights' | 'suspended'> }) {
  const [first, ...rest] = project.lights;
  return (
    <span className="library-light-cell" title={lightTitle(project)}>
      <LightBadge light={project.light} suspended={project.suspended} />
      {project.suspended && (
        <span className="zd-ellipsis zd-small zd-faint">
          {project.suspended.since}起{project.suspended.reason ? `：${project.suspended.reason}` : ''}
        </span>
      )}
      {first && <span className="zd-ellipsis zd-small">{first.reason}</span>}
      {rest.length > 0 && <span className="library-light-more zd-faint">等{project.lights.length}项</span>}
    </span>
  );
}
