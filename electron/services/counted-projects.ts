import type { Db } from '../../db/connection';
import { computeLights, type ProjectLights } from '../../db/model/lights';
import { countedProjectSources, type CountedProjectSource } from '../../db/queries/counted-projects';
import { lightInputsOf } from './project-lights';

/** A project as the 工作台 counts it: what it is counted by, its light and what its record lacks. */
export type LitCountedProject = CountedProjectSource & Pick<ProjectLights, 'light' | 'missingFields'>;

/** Every project lit, keeping of its lights only the level and the gaps: the 工作台 shows no reasons. */
export function litCountedProjects(db: Db, planYear: number, today: string): LitCountedProject[] {
  const inputs = lightInputsOf(db, planYear, today);
  return countedProjectSources(db, planYear).map((source) => {
    const { light, missingFields } = computeLights(inputs.of(source), inputs.context);
    return Object.assign(source, { light, missingFields });
  });
}
