import { errorText } from '../i18n/error-text.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxFileVersion, BoxFileVersions } from '../../../common/box-file-operations.ts';
import type { BoxItem } from '../../../common/box-items.ts';
import { formatModified, formatSize } from '../components/format.ts';
import { Modal } from '../components/modal.tsx';
import '../components/dialog-table.css';
import { asAppError, invoke } from '../ipc/bridge.ts';
import { VersionPreviewDialog } from './version-preview-dialog.tsx';
import './version-history.css';

type Loaded =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; versions: BoxFileVersions };

/** "report.pdf", version 2 → "report (version 2).pdf": a download beside the current file does not replace it. */
function versionFileName(t: ReturnType<typeof useTranslation>['t'], name: string, number: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  return t('versions.downloadName', { stem, number, extension });
}

/**
 * Version history of one file: every version with who uploaded it, when, and its size; an earlier
 * one can be previewed, downloaded (verified like any download) or made current (Box adds it as
 * the newest version, so nothing is lost).
 */
export function VersionHistoryDialog({
  file,
  onClose,
  onChanged,
  notify,
  onError,
}: {
  file: BoxItem;
  onClose: () => void;
  /** The file's current content changed (a version was made current). */
  onChanged: () => void;
  notify: (message: string) => void;
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [previewing, setPreviewing] = useState<BoxFileVersion | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const reload = (): void => {
    setLoaded({ status: 'loading' });
    setAttempt((value) => value + 1);
  };

  useEffect(() => {
    let live = true;
    invoke('box:listVersions', { fileId: file.id }).then(
      (versions) => live && setLoaded({ status: 'ready', versions }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: errorText(asAppError(error)) }),
    );
    return () => {
      live = false;
    };
  }, [file.id, attempt]);

  const numberOf = useCallback(
    (version: BoxFileVersion, index: number, total: number) => version.versionNumber ?? String(total - index),
    [],
  );

  const promote = async (version: BoxFileVersion, number: string): Promise<void> => {
    setBusyId(version.id);
    try {
      await invoke('box:promoteVersion', { fileId: file.id, versionId: version.id });
      notify(t('versions.promoted', { number, name: file.name }));
      onChanged();
      reload();
    } catch (error) {
      onError(errorText(asAppError(error)));
    } finally {
      setBusyId(null);
    }
  };
  const download = (version: BoxFileVersion, number: string): void =>
    void invoke('transfer:downloadVersion', {
      fileId: file.id,
      versionId: version.id,
      name: versionFileName(t, version.name || file.name, number),
    }).catch((error: unknown) => onError(errorText(asAppError(error))));

  const rows =
    loaded.status === 'ready' ? [loaded.versions.current, ...loaded.versions.previous].filter((v) => v !== null) : [];
  const total = rows.length;
  const previewNumber = previewing ? numberOf(previewing, rows.indexOf(previewing), total) : '';

  return (
    <>
      <Modal title={t('versions.title', { name: file.name })} onCancel={onClose} className="wide">
        <div className="dialog-table-frame" data-testid="version-history">
          {loaded.status === 'loading' && (
            <p className="dialog-table-note" aria-busy="true">
              {t('versions.loading')}
            </p>
          )}
          {loaded.status === 'failed' && (
            <div className="dialog-table-note" role="alert">
              <p>{loaded.message || t('versions.failed')}</p>
              <button type="button" className="button" onClick={reload}>
                {t('versions.retry')}
              </button>
            </div>
          )}
          {loaded.status === 'ready' && (
            <table className="dialog-table" aria-label={t('versions.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('versions.version')}</th>
                  <th scope="col">{t('versions.by')}</th>
                  <th scope="col">{t('versions.when')}</th>
                  <th scope="col">{t('versions.size')}</th>
                  <th scope="col" className="row-actions">
                    {t('versions.actions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((version, index) => {
                  const number = numberOf(version, index, total);
                  const isCurrent = index === 0 && loaded.versions.current !== null;
                  return (
                    <tr key={version.id} data-testid={`version-${number}`}>
                      <td>
                        {t('versions.number', { number })}
                        {isCurrent && <span className="versions-current">{t('versions.current')}</span>}
                      </td>
                      <td translate="no">{version.modifiedBy ?? t('versions.unknownUser')}</td>
                      <td>{formatModified(version.createdAt)}</td>
                      <td>{formatSize(version.size)}</td>
                      <td className="row-actions">
                        {!isCurrent && (
                          <>
                            <button
                              type="button"
                              className="button"
                              aria-label={t('versions.previewLabel', { number })}
                              onClick={() => setPreviewing(version)}
                            >
                              {t('versions.preview')}
                            </button>
                            <button
                              type="button"
                              className="button"
                              aria-label={t('versions.downloadLabel', { number })}
                              onClick={() => download(version, number)}
                            >
                              {t('versions.download')}
                            </button>
                            <button
                              type="button"
                              className="button"
                              aria-label={t('versions.promoteLabel', { number })}
                              disabled={busyId !== null}
                              onClick={() => void promote(version, number)}
                            >
                              {t('versions.promote')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {loaded.status === 'ready' && loaded.versions.previous.length === 0 && (
            <p className="dialog-table-note">{t('versions.onlyOne')}</p>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" className="button primary" onClick={onClose}>
            {t('versions.close')}
          </button>
        </div>
      </Modal>
      {previewing && (
        <VersionPreviewDialog
          fileId={file.id}
          versionId={previewing.id}
          title={t('versions.previewTitle', { name: file.name, number: previewNumber })}
          onClose={() => setPreviewing(null)}
        />
      )}
    </>
  );
}
