import { previewMessages as m } from './preview-messages.ts';

/** The document's pages as a list to jump to, the current one marked. */
export function PdfPageList({
  count,
  page,
  onSelect,
}: {
  count: number;
  page: number;
  onSelect: (page: number) => void;
}) {
  return (
    <nav className="preview-page-list" aria-label={m.pages}>
      <ol>
        {Array.from({ length: count }, (_, index) => index + 1).map((number) => (
          <li key={number}>
            <button type="button" aria-current={number === page ? 'page' : undefined} onClick={() => onSelect(number)}>
              {m.page(number)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
