import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/api-spec';
import { invoke } from '../api';

export interface ApiQuery<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads one method's result and reloads it when the input changes (compared by value). */
export function useApi<M extends MethodName>(method: M, input: MethodInput<M>): ApiQuery<MethodOutput<M>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: MethodOutput<M>; error?: Error; loading: boolean }>({
    loading: true,
  });
  const latest = useRef(0);
  const load = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await invoke(method, JSON.parse(key) as MethodInput<M>);
      if (ticket === latest.current) setState({ data, loading: false });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error: error as Error, loading: false }));
    }
  }, [method, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data: state.data, error: state.error, loading: state.loading, reload: load };
}
