import { useState } from 'react';

/**
 * A key that changes each time a dialog opens: given to the dialog's body, every opening starts afresh from the
 * record as it is then, with nothing typed last time left in the form.
 */
export function useOpeningKey(open: boolean): number {
  const [opening, setOpening] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpening((n) => n + 1);
  }
  return opening;
}
