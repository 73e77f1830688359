import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TransferSnapshot } from '../../../common/transfers.ts';
import { NameClashDialog } from '../../../renderer/src/transfers/name-clash-dialog.tsx';
import { TransfersPanel } from '../../../renderer/src/transfers/transfers-panel.tsx';
import { summarize } from '../../../renderer/src/transfers/transfers-summary.tsx';

const MB = 1024 * 1024;

function transfer(overrides: Partial<TransferSnapshot>): TransferSnapshot {
  return {
    id: 'id-1',
    direction: 'upload',
    name: 'report.pdf',
    state: 'running',
    transferredBytes: 0,
    totalBytes: 10 * MB,
    bytesPerSecond: 0,
    secondsLeft: null,
    ...overrides,
  };
}

function panelApi(transfers: TransferSnapshot[]) {
  const calls: string[] = [];
  return {
    calls,
    api: {
      transfers,
      cancel: (id: string) => Promise.resolve(void calls.push(`cancel ${id}`)),
      retry: (id: string) => Promise.resolve(void calls.push(`retry ${id}`)),
      clearFinished: () => Promise.resolve(void calls.push('clear')),
    },
  };
}

describe('the transfers panel', () => {
  it('shows each transfer with a progress bar, bytes, speed and time left', () => {
    const { api } = panelApi([transfer({ transferredBytes: 4 * MB, bytesPerSecond: 2 * MB, secondsLeft: 3 })]);
    render(<TransfersPanel api={api} onError={() => undefined} />);
    const bar = screen.getByRole('progressbar', { name: 'Upload of report.pdf' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    const row = screen.getByTestId('transfer-row');
    expect(within(row).getByText('4.0 MB of 10 MB · 2.0 MB/s · 3 sec left')).toBeInTheDocument();
    expect(within(row).getByTestId('transfer-state')).toHaveTextContent('Transferring');
  });

  it('lists the newest transfer first', () => {
    const { api } = panelApi([
      transfer({ id: 'old', name: 'old.txt' }),
      transfer({ id: 'new', name: 'new.txt', direction: 'download' }),
    ]);
    render(<TransfersPanel api={api} onError={() => undefined} />);
    const names = screen.getAllByTestId('transfer-row').map((row) => row.getAttribute('aria-label'));
    expect(names).toEqual(['Download of new.txt', 'Upload of old.txt']);
  });

  it('cancels a running transfer and retries a failed one, showing why it failed', async () => {
    const { api, calls } = panelApi([
      transfer({ id: 'moving' }),
      transfer({
        id: 'broken',
        name: 'secret.txt',
        state: 'failed',
        error: {
          code: 'file_unreadable',
          message: '“secret.txt” cannot be uploaded because you do not have permission to read it.',
        },
      }),
    ]);
    render(<TransfersPanel api={api} onError={() => undefined} />);
    const failed = screen.getByRole('listitem', { name: 'Upload of secret.txt' });
    expect(within(failed).getByRole('alert')).toHaveTextContent('you do not have permission to read it');
    expect(within(failed).queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await userEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    const moving = screen.getByRole('listitem', { name: 'Upload of report.pdf' });
    expect(within(moving).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    await userEvent.click(within(moving).getByRole('button', { name: 'Cancel' }));
    expect(calls).toEqual(['retry broken', 'cancel moving']);
  });

  it('shows where a finished download was saved, and clears finished transfers', async () => {
    const { api, calls } = panelApi([
      transfer({
        direction: 'download',
        state: 'done',
        transferredBytes: 10 * MB,
        targetPath: '/home/alice/Downloads/report.pdf',
      }),
    ]);
    render(<TransfersPanel api={api} onError={() => undefined} />);
    expect(screen.getByText('Saved to /home/alice/Downloads/report.pdf')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await userEvent.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(calls).toEqual(['clear']);
  });

  it('reports a request that fails instead of dropping it', async () => {
    const errors: unknown[] = [];
    const failure = new Error('That transfer is no longer in the list.');
    const api = { ...panelApi([transfer({})]).api, cancel: () => Promise.reject(failure) };
    render(<TransfersPanel api={api} onError={(error) => errors.push(error)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(errors).toEqual([failure]));
  });
});

describe('the toolbar summary', () => {
  it('counts what is moving with the overall percentage and speed', () => {
    expect(
      summarize([
        transfer({ id: 'a', transferredBytes: 5 * MB, bytesPerSecond: MB }),
        transfer({ id: 'b', transferredBytes: 0, state: 'queued' }),
        transfer({ id: 'c', state: 'done', transferredBytes: 10 * MB }),
      ]),
    ).toBe('2 transfers · 25% · 1.0 MB/s');
  });

  it('says what needs attention, and is silent without transfers', () => {
    expect(summarize([transfer({ state: 'failed' }), transfer({ id: 'w', state: 'waiting' })])).toBe(
      '1 transfer · 0% · 1 needs your choice · 1 failed',
    );
    expect(summarize([transfer({ state: 'done' })])).toBe('Transfers done');
    expect(summarize([])).toBeNull();
  });
});

describe('the name clash question', () => {
  const question = {
    questionId: 'q',
    transferId: 't',
    direction: 'upload' as const,
    name: 'plan.txt',
    othersInBatch: 2,
  };

  it('offers keep both, new version and skip, and "apply to all" for the rest of the batch', async () => {
    const answers: unknown[] = [];
    render(<NameClashDialog question={question} onAnswer={(...answer) => answers.push(answer)} />);
    expect(screen.getByRole('dialog', { name: '“plan.txt” already exists' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Do this for the other 2 files' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload as new version' }));
    expect(answers).toEqual([['replace', true]]);
  });

  it('has no "apply to all" for a single file; Escape skips rather than replaces', async () => {
    const answers: unknown[] = [];
    render(
      <NameClashDialog
        question={{ ...question, direction: 'download', othersInBatch: 0 }}
        onAnswer={(...answer) => answers.push(answer)}
      />,
    );
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    expect(answers).toEqual([
      ['skip', false],
      ['keep-both', false],
    ]);
  });
});
