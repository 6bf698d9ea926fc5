import type { Stage } from '../../db/model/stages';
import type { LightChoice } from '../ui/filters/light-choice';

/** What another screen may ask of the library through its link: /projects?stage=…&light=…&lead=…&chain=… */
export interface LibraryLink {
  stage?: Stage;
  /** a light level, or missing for 资料待补 */
  light?: LightChoice;
  lead?: string;
  /** a chain's id */
  chain?: number;
  /** a 包挂领导's id */
  contactLeader?: number;
  /** only 招商引资 projects */
  promotion?: boolean;
}

export function libraryHref(link: LibraryLink): string {
  const query = new URLSearchParams();
  if (link.stage) query.set('stage', link.stage);
  if (link.light) query.set('light', link.light);
  if (link.lead) query.set('lead', link.lead);
  if (link.chain) query.set('chain', String(link.chain));
  if (link.contactLeader) query.set('contactLeader', String(link.contactLeader));
  if (link.promotion) query.set('promotion', '1');
  const text = query.toString();
  return text ? `/projects?${text}` : '/projects';
}
