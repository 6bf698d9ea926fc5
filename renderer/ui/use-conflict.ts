import { useState } from 'react';
import { ApiError } from '../api';

/**
 * The state of a ConflictDialog for one form: `offer` opens it when a save was refused with `conflict` (and says
 * whether it did, so the caller shows any other refusal its own way); `reload` runs the form's reload and closes it.
 */
export function useConflict(reloadLatest: () => Promise<void>) {
  const [message, setMessage] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);

  function offer(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.code !== 'conflict') return false;
    setMessage(error.message);
    return true;
  }

  async function reload() {
    setReloading(true);
    try {
      await reloadLatest();
      setMessage(null);
    } finally {
      setReloading(false);
    }
  }

  return {
    dialog: { message, reloading, onReload: () => void reload(), onCancel: () => setMessage(null) },
    offer,
  };
}
