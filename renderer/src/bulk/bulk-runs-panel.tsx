import { errorText } from '../i18n/error-text.ts';
import { useTranslation } from 'react-i18next';
import type { BulkSnapshot } from '../../../common/bulk.ts';
import { formatCount, formatSize } from '../components/format.ts';
import type { BulkRuns } from './use-bulk-runs.ts';
import './bulk.css';

/** Failures listed by name; more than this are summed up, the retry button covers them all. */
const listedFailures = 50;

const counted = (count: number) => ({ count, formatted: formatCount(count) });

/** A stopped run lists what it did not start as cancelled: those are "not done", not failures. */
const notStarted = (failure: BulkSnapshot['failed'][number]) => failure.error.code === 'transfer_cancelled';

function RunProgress({ run, runs }: { run: BulkSnapshot; runs: BulkRuns }) {
  const { t } = useTranslation();
  const download = run.action === 'download';
  const done = download ? (run.filesDone ?? 0) : run.doneIds.length + run.failed.length + run.skippedIds.length;
  const total = download ? (run.filesTotal ?? 0) : run.total;
  const text = t(`bulk.running.${run.action}`, {
    done: formatCount(done),
    total: formatCount(total),
    bytes: formatSize(run.transferredBytes ?? 0),
    totalBytes: formatSize(run.totalBytes ?? 0),
  });
  const value = download && run.totalBytes ? (run.transferredBytes ?? 0) / run.totalBytes : total ? done / total : 0;
  return (
    <>
      <span className="bulk-run-text">{text}</span>
      <progress className="bulk-run-progress" aria-label={t('bulk.progressLabel')} max={1} value={value} />
      <button type="button" className="button" aria-label={t('bulk.stopLabel')} onClick={() => runs.stop(run.id)}>
        {t('bulk.stop')}
      </button>
    </>
  );
}

function RunReport({ run, runs }: { run: BulkSnapshot; runs: BulkRuns }) {
  const { t } = useTranslation();
  const finishedCount = run.action === 'download' ? (run.filesDone ?? 0) : run.doneIds.length;
  const failures = run.stopped ? run.failed.filter((failure) => !notStarted(failure)) : run.failed;
  const notDone = run.failed.length - failures.length;
  return (
    <>
      <span className="bulk-run-text">
        {t(`bulk.finished.${run.action}`, counted(finishedCount))}{' '}
        {run.skippedIds.length > 0 && t('bulk.skipped', counted(run.skippedIds.length))}{' '}
        {notDone > 0 && t('bulk.stopped', counted(notDone))}{' '}
        {failures.length > 0 && t('bulk.failed', counted(failures.length))}
      </span>
      <ul className="bulk-failures">
        {failures.slice(0, listedFailures).map((failure) => (
          <li key={failure.item.id}>
            <strong translate="no">{failure.item.name}</strong> — {errorText(failure.error)}
          </li>
        ))}
        {failures.length > listedFailures && <li>…</li>}
      </ul>
      <div className="bulk-run-actions">
        <button type="button" className="button primary" onClick={() => runs.retryFailed(run.id)}>
          {failures.length > 0
            ? t('bulk.retryFailed', counted(run.failed.length))
            : t('bulk.runRest', counted(notDone))}
        </button>
        <button type="button" className="button" onClick={() => runs.dismiss(run.id)}>
          {t('bulk.dismiss')}
        </button>
      </div>
    </>
  );
}

/** Each bulk run while it runs (one progress for all its items), and its failures once it ends. */
export function BulkRunsPanel({ runs }: { runs: BulkRuns }) {
  if (runs.shown.length === 0) return null;
  return (
    <section className="bulk-runs" aria-live="polite" data-testid="bulk-runs">
      {runs.shown.map((run) => (
        <div key={run.id} className={`bulk-run ${run.state}`}>
          {run.state === 'running' ? <RunProgress run={run} runs={runs} /> : <RunReport run={run} runs={runs} />}
        </div>
      ))}
    </section>
  );
}
