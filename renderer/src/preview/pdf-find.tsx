import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { formatCount } from '../components/format.ts';

type Found = Array<{ page: number; count: number }>;

/** Find in the document's text: Enter finds (or goes to the next page with a match); the result is announced. */
export function PdfFind({
  onFind,
  onShow,
}: {
  onFind: (query: string) => Promise<Found>;
  onShow: (page: number) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; pages: Found; at: number } | null>(null);
  const search = async () => {
    if (found && found.query === query && found.pages.length > 0) {
      const at = (found.at + 1) % found.pages.length;
      setFound({ ...found, at });
      onShow(found.pages[at]!.page);
      return;
    }
    const pages = await onFind(query);
    setFound({ query, pages, at: 0 });
    if (pages[0]) onShow(pages[0].page);
  };
  const matches = found?.pages.reduce((sum, entry) => sum + entry.count, 0) ?? 0;
  return (
    <form
      className="preview-find"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        void search();
      }}
    >
      <input
        type="search"
        value={query}
        aria-label={t('preview.find')}
        placeholder={t('preview.find')}
        onChange={(event) => setQuery(event.target.value)}
      />
      <button type="submit" className="button">
        {t('preview.findNext')}
      </button>
      <output aria-live="polite" data-testid="pdf-find-result">
        {found && found.query !== '' ? findResult(t, matches, found.pages.length) : ''}
      </output>
    </form>
  );
}

/** "5 matches on 3 pages", each count in the UI language's digits and plural. */
function findResult(t: TFunction, matches: number, pages: number): string {
  if (matches === 0) return t('preview.findNone');
  const matchesText = t('preview.findMatches', { count: matches, formatted: formatCount(matches) });
  return t('preview.findPages', { count: pages, formatted: formatCount(pages), matches: matchesText });
}
