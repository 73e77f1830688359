import { forwardRef, useState, type FormEvent } from 'react';
import { Icon } from '../components/icons.tsx';

export interface SearchBoxProps {
  folderName: string | null;
  onSearch: (query: string, withinFolder: boolean) => void;
  onClear: () => void;
}

/** Search all of Box, or only the open folder; Escape leaves the results. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(props, ref) {
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
        aria-label="Search files"
        placeholder="Search files"
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
        <label className="search-scope" title={`Search only in ${props.folderName}`}>
          <input type="checkbox" checked={withinFolder} onChange={(event) => setWithinFolder(event.target.checked)} />
          This folder
        </label>
      )}
    </form>
  );
});
