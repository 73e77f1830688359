import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (
    <nav className="preview-page-list" aria-label={t('preview.pages')}>
      <ol>
        {Array.from({ length: count }, (_, index) => index + 1).map((number) => (
          <li key={number}>
            <button type="button" aria-current={number === page ? 'page' : undefined} onClick={() => onSelect(number)}>
              {t('preview.page', { page: number })}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
