import type { WeekChange } from '../../db/model/dispatch';
import { LIGHT_LABELS, type LightLevel } from '../../db/model/lights';
import { leadKeyOf, NO_LEAD } from '../ui/filters/filter-model';

/** The kinds of change 较上周变化 reports, in the order a leader asks about them. */
export const CHANGE_KINDS = ['阶段', '预警', '本周进展', '本年完成投资', '总投资', '调度记录'] as const;

const collator = new Intl.Collator('zh-Hans-CN');

export interface LeadGroup {
  lead: string;
  projects: WeekChange[];
}

/** Projects under their 链长, leads in pinyin order, the unassigned last. */
export function groupByLead(projects: readonly WeekChange[]): LeadGroup[] {
  const groups = new Map<string, WeekChange[]>();
  for (const project of projects) {
    const lead = leadKeyOf(project);
    groups.set(lead, [...(groups.get(lead) ?? []), project]);
  }
  return [...groups.entries()]
    .map(([lead, list]) => ({ lead, projects: list }))
    .sort((a, b) => Number(a.lead === NO_LEAD) - Number(b.lead === NO_LEAD) || collator.compare(a.lead, b.lead));
}

/** How many projects changed in each way, for the counts above the list. */
export function countByKind(projects: readonly WeekChange[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of projects) {
    for (const what of new Set(project.changes.map((c) => c.what))) counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return counts;
}

/** Only the projects with a change of one of `kinds`, and of their changes only those. */
export function onlyKinds(projects: readonly WeekChange[], kinds: readonly string[]): WeekChange[] {
  if (kinds.length === 0) return [...projects];
  return projects
    .map((p) => ({ ...p, changes: p.changes.filter((c) => kinds.includes(c.what)) }))
    .filter((p) => p.changes.length > 0);
}

/** 预警 texts read “红灯（原因）”: the level they start with, to colour them. */
export function lightOf(text: string): LightLevel | null {
  const level = (Object.keys(LIGHT_LABELS) as LightLevel[]).find((l) => text.startsWith(LIGHT_LABELS[l]));
  return level ?? null;
}

/** The paper route for one week's changes. */
export function changesPrintRoute(week: string): string {
  return `/print/changes?week=${encodeURIComponent(week)}`;
}
