import { useState } from 'react';
import type { ReferenceData } from '../../../db/model/reference';

/** Every reference tab shows the page's one copy of the reference data and hands back the fresh copy a save returns. */
export interface ReferenceTabProps {
  data: ReferenceData;
  onSaved(data: ReferenceData): void;
}

/**
 * Which record the dialog edits (null: a new one). Kept apart from `open` so the dialog keeps its
 * title while it fades out.
 */
export function useEditTarget<T>() {
  const [state, setState] = useState<{ open: boolean; target: T | null }>({ open: false, target: null });
  return {
    open: state.open,
    target: state.target,
    edit: (target: T) => setState({ open: true, target }),
    add: () => setState({ open: true, target: null }),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}

export function retiredRowClass(record: { retired: boolean }): string {
  return record.retired ? 'settings-row-retired' : '';
}
