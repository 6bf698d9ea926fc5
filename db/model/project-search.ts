import type { ProjectRow } from './project';

// The library's search box, and `projects.list`'s `search` on the server: one rule, so both find the same rows.

/** The fields the search looks through. */
export type SearchableProject = Pick<
  ProjectRow,
  | 'code'
  | 'name'
  | 'owner'
  | 'location'
  | 'chainName'
  | 'chainLead'
  | 'parkName'
  | 'leadUnitName'
  | 'responsibleUnitNames'
>;

const haystacks = new WeakMap<SearchableProject, string>();

/** Everything the search looks through, lower-cased once per row object. */
function haystackOf(project: SearchableProject): string {
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

/** The words typed, lower-cased: every one must appear somewhere in the row. */
export function searchWords(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every word typed (split by spaces) must appear somewhere in the row; % and _ are only characters. */
export function matchesSearch(project: SearchableProject, search: string): boolean {
  const words = searchWords(search);
  if (words.length === 0) return true;
  const text = haystackOf(project);
  return words.every((word) => text.includes(word));
}
