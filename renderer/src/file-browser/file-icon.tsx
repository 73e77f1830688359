import type { BoxItem } from '../../../common/box-items.ts';
import { fileKind, type FileKind } from './file-kind.ts';
import { useThumbnail } from './use-thumbnail.ts';

/** Short badges printed on the page icon, so kinds differ by more than colour. */
const badges: Partial<Record<FileKind, string>> = {
  pdf: 'PDF',
  document: 'DOC',
  spreadsheet: 'XLS',
  presentation: 'PPT',
  video: 'VID',
  audio: 'AUD',
  archive: 'ZIP',
  code: '</>',
  text: 'TXT',
};

function FolderGlyph() {
  return (
    <svg viewBox="0 0 24 24" className="file-icon-svg kind-folder" aria-hidden="true">
      <path
        d="M2.5 6.5a2 2 0 0 1 2-2h4.6l2 2.2h8.4a2 2 0 0 1 2 2v9.8a2 2 0 0 1-2 2h-15a2 2 0 0 1-2-2z"
        className="folder-back"
      />
      <path d="M2.5 9.2h19v8.3a2 2 0 0 1-2 2h-15a2 2 0 0 1-2-2z" className="folder-front" />
    </svg>
  );
}

function PageGlyph({ kind }: { kind: FileKind }) {
  const badge = badges[kind];
  return (
    <svg viewBox="0 0 24 24" className={`file-icon-svg kind-${kind}`} aria-hidden="true">
      <path
        d="M5.5 2.5h9l4.5 4.5v13a1.5 1.5 0 0 1-1.5 1.5h-12A1.5 1.5 0 0 1 4 20V4a1.5 1.5 0 0 1 1.5-1.5z"
        className="page"
      />
      <path d="M14.5 2.5V7H19" className="page-fold" />
      {kind === 'image' && <path d="M7 17.5l3-3.5 2.2 2.4 1.6-1.6 3.2 2.7z" className="page-mark" />}
      {kind === 'link' && (
        <path
          d="M9.5 14.5l5-5m-3.8-.6 1.3-1.3a2.5 2.5 0 0 1 3.5 3.5l-1.3 1.3m-4.4 1.4-1.3 1.3a2.5 2.5 0 0 0 3.5 3.5l1.3-1.3"
          className="page-line"
        />
      )}
      {badge !== undefined && (
        <text x="11.5" y="17.6" textAnchor="middle" className="page-badge">
          {badge}
        </text>
      )}
    </svg>
  );
}

/** The type icon, replaced by Box's thumbnail for images once it has arrived. */
export function FileIcon({ item, withThumbnail = false }: { item: BoxItem; withThumbnail?: boolean }) {
  const kind = fileKind(item);
  const thumbnail = useThumbnail(item, withThumbnail);
  return (
    <span className="file-icon">
      {thumbnail ? (
        <img src={thumbnail} alt="" className="file-thumbnail" draggable={false} />
      ) : kind === 'folder' ? (
        <FolderGlyph />
      ) : (
        <PageGlyph kind={kind} />
      )}
    </span>
  );
}
