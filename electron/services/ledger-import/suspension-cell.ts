import { isIsoDate } from '../../../db/model/dates';
import { SUSPENSION_LABELS, type CurrentSuspension, type SuspensionKind } from '../../../db/model/list-membership';

const KIND_OF_WORD = new Map<string, SuspensionKind>(
  Object.entries(SUSPENSION_LABELS).map(([kind, word]) => [word, kind as SuspensionKind]),
);

/**
 * The 停缓建 cell as the ledger export writes it (“缓建（2026-05-10起：资金未落实）”, suspensionText), or the bare
 * word; undefined for anything else. A bare word has no date: the import dates it on its own day.
 */
export function readSuspension(text: string): CurrentSuspension | undefined {
  const match = /^(停建|缓建)(?:[（(](\d{4}-\d{2}-\d{2})起(?:[：:]([\s\S]*))?[）)])?$/.exec(text.trim());
  if (!match) return undefined;
  const kind = KIND_OF_WORD.get(match[1]);
  if (!kind || (match[2] !== undefined && !isIsoDate(match[2]))) return undefined;
  return { kind, since: match[2] ?? '', reason: (match[3] ?? '').trim() };
}
