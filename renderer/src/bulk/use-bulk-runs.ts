import { useCallback, useEffect, useRef, useState } from 'react';
import type { BulkRequest, BulkSnapshot } from '../../../common/bulk.ts';
import { invoke, subscribe } from '../ipc/bridge.ts';

/** A newer snapshot of a run replaces an older one, but a finished run never goes back to running. */
function upsert(runs: readonly BulkSnapshot[], snapshot: BulkSnapshot): BulkSnapshot[] {
  const index = runs.findIndex((run) => run.id === snapshot.id);
  if (index < 0) return [...runs, snapshot];
  if (runs[index]!.state === 'finished' && snapshot.state === 'running') return [...runs];
  return runs.map((run, at) => (at === index ? snapshot : run));
}

/**
 * The bulk runs main reports (`bulk:changed`), and starting, retrying and undoing them. A run
 * stays listed while it runs and, once finished, while it has failures to show; `onFinished`
 * hears each run end once.
 */
export function useBulkRuns(onFinished: (run: BulkSnapshot) => void, onError: (error: unknown) => void) {
  const [runs, setRuns] = useState<BulkSnapshot[]>([]);
  const latest = useRef({ onFinished });
  const reported = useRef(new Set<string>());
  useEffect(() => {
    latest.current = { onFinished };
  });

  const take = useCallback((snapshot: BulkSnapshot) => {
    setRuns((current) => upsert(current, snapshot));
    if (snapshot.state === 'finished' && !reported.current.has(snapshot.id)) {
      reported.current.add(snapshot.id);
      latest.current.onFinished(snapshot);
    }
  }, []);
  useEffect(() => subscribe('bulk:changed', take), [take]);

  const started = useCallback(
    (running: Promise<BulkSnapshot | null>) =>
      void running.then((snapshot) => snapshot && take(snapshot)).catch(onError),
    [take, onError],
  );
  const dismiss = useCallback((id: string) => setRuns((current) => current.filter((run) => run.id !== id)), []);

  return {
    /** Running runs, and finished ones with failures. */
    shown: runs.filter((run) => run.state === 'running' || run.failed.length > 0),
    start: (request: BulkRequest) => started(invoke('bulk:start', request)),
    retryFailed: (id: string) => {
      dismiss(id);
      started(invoke('bulk:retryFailed', { jobId: id }));
    },
    stop: (id: string) => void invoke('bulk:stop', { jobId: id }).catch(onError),
    dismiss,
  };
}

export type BulkRuns = ReturnType<typeof useBulkRuns>;
