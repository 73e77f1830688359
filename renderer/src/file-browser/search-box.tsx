import { useTranslation } from 'react-i18next';
import { forwardRef, useState, type FormEvent } from 'react';
import { Icon } from '../components/icons.tsx';

export interface SearchBoxProps {
  folderName: string | null;
  onSearch: (query: string, withinFolder: boolean) => void;
  onClear: () => void;
}

/** Search all of Box, or only the open folder; Escape leaves the results. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(props, ref) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [withinFolder, setWithinFolder] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed) props.onSearch(trimmed, withinFolder);
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <span className="search-icon">
        <Icon name="search" />
      </span>
      <input
        ref={ref}
        type="search"
        aria-label={t('browser.search')}
        placeholder={t('browser.search')}
        value={query}
        maxLength={1024}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setQuery('');
            props.onClear();
          }
        }}
      />
      {props.folderName !== null && (
        <label className="search-scope" title={t('browser.searchThisFolderHint', { folder: props.folderName })}>
          <input type="checkbox" checked={withinFolder} onChange={(event) => setWithinFolder(event.target.checked)} />
          {t('browser.searchThisFolder')}
        </label>
      )}
    </form>
  );
});
