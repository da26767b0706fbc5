import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; the previous data stays visible until the new answer arrives. */
  reload: () => void;
}

/** Runs `load` when `key` changes or on reload(); answers of superseded runs are dropped. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // `load` is a fresh closure each render: read its latest version when `key` or a reload starts a run,
  // without making every render a new run.
  const start = useEffectEvent(() => load());

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    start().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
