import { useEffect, useState } from 'react';
import type { AppError } from '../../../common/app-error.ts';
import type { BoxSearchResult } from '../../../common/box-items.ts';
import { asAppError, invoke } from '../ipc/bridge.ts';

export interface SearchRequest {
  query: string;
  /** Null searches everywhere. */
  folderId: string | null;
  folderName: string | null;
}

export interface SearchState {
  results: BoxSearchResult[];
  totalCount: number;
  loading: boolean;
  error: AppError | null;
}

/** Runs one search; a newer request makes an older answer stale. */
export function useSearch(request: SearchRequest | null): SearchState {
  const [answer, setAnswer] = useState<{ for: SearchRequest; state: SearchState } | null>(null);
  useEffect(() => {
    if (!request) return;
    let stale = false;
    invoke('box:search', {
      query: request.query,
      ...(request.folderId !== null ? { ancestorFolderId: request.folderId } : {}),
    }).then(
      (page) =>
        !stale &&
        setAnswer({
          for: request,
          state: { results: page.results, totalCount: page.totalCount, loading: false, error: null },
        }),
      (error: unknown) =>
        !stale &&
        setAnswer({ for: request, state: { results: [], totalCount: 0, loading: false, error: asAppError(error) } }),
    );
    return () => {
      stale = true;
    };
  }, [request]);
  if (request && answer?.for === request) return answer.state;
  return { results: [], totalCount: 0, loading: request !== null, error: null };
}
