/** What the list body shows instead of rows: loading, empty and error states. */
import { errorText } from '../i18n/error-text.ts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../common/app-error.ts';
import type { SearchRequest } from './use-search.ts';

/** Skeleton rows while the first page loads. */
export function LoadingRows() {
  const { t } = useTranslation();
  return (
    <div className="placeholder-rows" role="status" aria-label={t('placeholder.loading')}>
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="skeleton-row" aria-hidden="true">
          <span className="skeleton-icon" />
          <span className="skeleton-bar" style={{ width: `${40 + ((index * 23) % 35)}%` }} />
        </div>
      ))}
    </div>
  );
}

/** A message in place of the list (empty folder, no results, an error), with at most one action. */
export function EmptyState({
  title,
  hint,
  action,
  tone = 'neutral',
}: {
  title: string;
  hint: string;
  action?: ReactNode;
  tone?: 'neutral' | 'search' | 'error';
}) {
  return (
    <div className={`empty-state ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <svg viewBox="0 0 64 64" className="empty-art" aria-hidden="true">
        {tone === 'error' ? (
          <path d="M32 8 58 54H6zM32 26v13m0 7v1" />
        ) : tone === 'search' ? (
          <path d="M28 46a18 18 0 1 0 0-36 18 18 0 0 0 0 36zm13-5 15 15" />
        ) : (
          <path d="M6 18a4 4 0 0 1 4-4h14l5 5h25a4 4 0 0 1 4 4v25a4 4 0 0 1-4 4H10a4 4 0 0 1-4-4z" />
        )}
      </svg>
      <h2>{title}</h2>
      <p>{hint}</p>
      {action}
    </div>
  );
}

/** The one placeholder that fits the list's state, with the action that helps. */
export function ListPlaceholder(props: {
  error: AppError | null;
  loading: boolean;
  search: SearchRequest | null;
  onRetry: () => void;
  onNewFolder: () => void;
}) {
  const { error, loading, search } = props;
  const { t } = useTranslation();
  if (error) {
    return (
      <EmptyState
        tone="error"
        title={search ? t('placeholder.searchFailed') : t('placeholder.folderFailed')}
        hint={errorText(error)}
        action={
          <button type="button" className="button" onClick={props.onRetry}>
            {t('placeholder.retry')}
          </button>
        }
      />
    );
  }
  if (loading) return <LoadingRows />;
  if (search) {
    return (
      <EmptyState
        tone="search"
        title={t('placeholder.noResults', { query: search.query })}
        hint={search.folderName !== null ? t('placeholder.noResultsInFolder') : t('placeholder.noResultsHint')}
      />
    );
  }
  return (
    <EmptyState
      title={t('placeholder.empty')}
      hint={t('placeholder.emptyHint')}
      action={
        <button type="button" className="button primary" onClick={props.onNewFolder}>
          {t('placeholder.newFolder')}
        </button>
      }
    />
  );
}
