import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { invoke } from '../api';

export interface ApiQuery<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads one method's result and reloads it when the input changes (compared by value). With `enabled: false` it
 * asks nothing (and stays without data) until it is enabled.
 */
export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  { enabled = true }: { enabled?: boolean } = {},
): ApiQuery<MethodOutput<M>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: MethodOutput<M>; error?: Error; loading: boolean }>({
    loading: enabled,
  });
  const latest = useRef(0);
  const running = useRef<AbortController | null>(null);
  const load = useCallback(async () => {
    const ticket = ++latest.current;
    running.current?.abort();
    const own = new AbortController();
    running.current = own;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await invoke(method, JSON.parse(key) as MethodInput<M>, own.signal);
      if (ticket === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (ticket === latest.current && !own.signal.aborted) {
        setState((s) => ({ ...s, error: error as Error, loading: false }));
      }
    }
  }, [method, key]);
  useEffect(() => {
    if (!enabled) return;
    void load();
    // a screen left (or an input changed) while its answer was on the way: the stale answer is not parsed
    return () => running.current?.abort();
  }, [load, enabled]);
  return { data: state.data, error: state.error, loading: state.loading, reload: load };
}
