import type { ProjectRow } from './project';

// The library's search box, and `projects.list`'s `search` on the server: one rule, so both find the same rows.

const haystacks = new WeakMap<ProjectRow, string>();

/** Everything the search looks through, lower-cased once per row object. */
function haystackOf(project: ProjectRow): string {
  let text = haystacks.get(project);
  if (text === undefined) {
    text = [
      project.code,
      project.name,
      project.owner,
      project.location,
      project.chainName,
      project.chainLead,
      project.parkName ?? '',
      project.leadUnitName ?? '',
      ...project.responsibleUnitNames,
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(project, text);
  }
  return text;
}

/** Every word typed (split by spaces) must appear somewhere in the row; % and _ are only characters. */
export function matchesSearch(project: ProjectRow, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystackOf(project);
  return words.every((word) => text.includes(word));
}
