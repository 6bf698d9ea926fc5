import { pickProjectFields, type MonthlyInvestment } from '../../../db/model/project';
import { projectChanges, type ReferenceNameOf } from '../../../db/model/project-changes';
import { codeAfter, hasCodePrefix, highestCodeNumber, projectCodePrefix } from '../../../db/model/project-code';
import type { Lookup } from './import-lookup';
import type { ImportTarget } from './import-target';

// The preview's target: the rows kept in the run's one read of the library, so the preview asks the database
// nothing per row and writes nothing. What a row would write is kept here as the write would leave it, so a
// later row of the file sees it as the apply's database will.

function withMonth(monthly: MonthlyInvestment[], month: number, amountYuan: number): MonthlyInvestment[] {
  return [...monthly.filter((m) => m.month !== month), { month, amountYuan }].sort((a, b) => a.month - b.month);
}

function highestId(ids: Iterable<number>): number {
  let highest = 0;
  for (const id of ids) if (id > highest) highest = id;
  return highest;
}

export function previewTarget(lookup: Lookup): ImportTarget {
  const codeOwners = new Map<string, number>();
  for (const p of lookup.details.values()) codeOwners.set(p.code, p.id);
  // ids the database would give, so none meets a stored one; nothing shows them
  let lastProjectId = highestId(lookup.details.keys());
  let lastUnitId = highestId(lookup.entries.unit.keys());
  // the highest number per code prefix, counted once per prefix rather than over every code per new project
  const highest = new Map<string, number>();
  const nameOf: ReferenceNameOf = (kind, id) => lookup.entries[kind].get(id)?.name;

  const takeCode = (code: string, id: number) => {
    codeOwners.set(code, id);
    for (const [prefix, n] of highest) {
      if (!hasCodePrefix(code, prefix)) continue;
      const number = Number(code.slice(prefix.length));
      if (Number.isInteger(number) && number > n) highest.set(prefix, number);
    }
  };
  const freeCode = (code: string, id: number) => {
    if (codeOwners.get(code) === id) codeOwners.delete(code);
    for (const prefix of highest.keys()) if (hasCodePrefix(code, prefix)) highest.delete(prefix);
  };

  return {
    stored: async (id) => lookup.details.get(id),
    retiredOf: async (kind, id) => lookup.entries[kind].get(id)?.retired,
    codeOwner: async (code) => codeOwners.get(code),
    async nextCode(chainCode, year) {
      const prefix = projectCodePrefix(chainCode, year);
      let n = highest.get(prefix);
      if (n === undefined) {
        n = highestCodeNumber(prefix, codeOwners.keys());
        highest.set(prefix, n);
      }
      return codeAfter(prefix, n);
    },
    async addUnit(name) {
      lastUnitId += 1;
      lookup.entries.unit.set(lastUnitId, { name, retired: false });
      return lastUnitId;
    },
    inRow: (work) => work(),
    async save({ stored, fields, month }) {
      const id = stored?.id ?? ++lastProjectId;
      const changes = stored ? projectChanges(stored, fields, nameOf) : [];
      if (stored && stored.code !== fields.code) freeCode(stored.code, id);
      takeCode(fields.code, id);
      const kept = stored?.monthly ?? [];
      const monthly = month ? withMonth(kept, month.month, month.amountYuan) : kept;
      const yearCompletedYuan = monthly.reduce((sum, m) => sum + m.amountYuan, 0);
      lookup.details.set(id, Object.assign(pickProjectFields(fields), { id, monthly, yearCompletedYuan }));
      return { id, changes };
    },
    saveProblems: async () => {},
    saveSuspensions: async () => {},
  };
}
