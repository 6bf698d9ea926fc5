import type { MilestoneTemplateNode } from '../../../db/model/milestones';
import { TEMPLATE_ANCHORS } from '../../../db/model/milestones';
import { PROJECT_FIELD_LABELS } from '../../../db/model/project';
import type { Stage } from '../../../db/model/stages';

/** The longest step the server accepts (api-spec's templateNode). */
export const MAX_DURATION_DAYS = 3650;

/** A template node while the clerk edits it: a key that survives moves, and a duration that may be empty. */
export interface DraftNode {
  key: number;
  name: string;
  durationDays: number | null;
}

let nextKey = 1;

export function toDraft(nodes: readonly MilestoneTemplateNode[]): DraftNode[] {
  return nodes.map((node) => ({ key: nextKey++, name: node.name, durationDays: node.durationDays }));
}

export function blankNode(): DraftNode {
  return { key: nextKey++, name: '', durationDays: 0 };
}

/** Moves the node at `index` one place up (-1) or down (+1); outside the list nothing moves. */
export function moveNode(nodes: readonly DraftNode[], index: number, step: -1 | 1): DraftNode[] {
  const target = index + step;
  if (target < 0 || target >= nodes.length) return [...nodes];
  const moved = [...nodes];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

export function durationError(days: number | null): string | null {
  if (days === null) return '请填写工期';
  if (days < 0) return '工期不能为负数';
  if (!Number.isInteger(days)) return '工期应为整数天';
  if (days > MAX_DURATION_DAYS) return `工期不能超过${MAX_DURATION_DAYS}天`;
  return null;
}

/** The server refuses a template that names one step twice; the later duplicate is the one marked. */
export function nameErrors(nodes: readonly DraftNode[]): (string | null)[] {
  const seen = new Set<string>();
  return nodes.map((node) => {
    const name = node.name.trim();
    if (!name) return '请填写节点名称';
    if (seen.has(name)) return '节点名称重复';
    seen.add(name);
    return null;
  });
}

export function draftHasErrors(nodes: readonly DraftNode[]): boolean {
  return nameErrors(nodes).some((e) => e !== null) || nodes.some((node) => durationError(node.durationDays) !== null);
}

/** What the server stores; call only when the draft has no errors. */
export function fromDraft(nodes: readonly DraftNode[]): MilestoneTemplateNode[] {
  return nodes.map((node) => ({ name: node.name.trim(), durationDays: node.durationDays ?? 0 }));
}

export function sameNodes(a: readonly MilestoneTemplateNode[], b: readonly MilestoneTemplateNode[]): boolean {
  return (
    a.length === b.length && a.every((node, i) => node.name === b[i].name && node.durationDays === b[i].durationDays)
  );
}

/** Sum of the valid durations; a cell in error counts as nothing. */
export function totalDays(nodes: readonly DraftNode[]): number {
  return nodes.reduce((sum, node) => sum + (durationError(node.durationDays) ? 0 : (node.durationDays ?? 0)), 0);
}

/** “以计划开工日期为目标倒排” / “以计划开工日期起顺排”, from the model's anchor rule. */
export function anchorRuleText(stage: Stage): string | null {
  const anchor = TEMPLATE_ANCHORS[stage];
  if (!anchor) return null;
  const field = PROJECT_FIELD_LABELS[anchor.field];
  return anchor.direction === 'backward' ? `以${field}为目标倒排` : `以${field}起顺排`;
}

/** How the dates fall, said once under the rule. */
export function anchorRuleDetail(stage: Stage): string | null {
  const anchor = TEMPLATE_ANCHORS[stage];
  if (!anchor) return null;
  const field = PROJECT_FIELD_LABELS[anchor.field];
  return anchor.direction === 'backward'
    ? `最后一个节点的计划日期即为${field}，往前按各节点工期依次推算`
    : `自${field}起，往后按各节点工期依次推算`;
}
