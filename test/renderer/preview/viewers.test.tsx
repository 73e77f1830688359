/**
 * Each viewer kind against the real preview path (PreviewService and byte handler over the Box API
 * emulator). PDFs need a real canvas and pdf.js's worker, which happy-dom has not: they are
 * exercised in Chromium by test/e2e/preview.spec.ts.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { BoxItem } from '../../../common/box-items.ts';
import { PreviewDialog } from '../../../renderer/src/preview/preview-dialog.tsx';
import { startPreviewWorld, type PreviewWorld } from './preview-world.ts';

let world: PreviewWorld;
beforeAll(async () => {
  world = await startPreviewWorld();
}, 60_000);
afterAll(() => world.close());

async function file(name: string, content: { text?: string; size?: number; base64?: string }): Promise<BoxItem> {
  const created = await world.emulator.controls.createFile({ ownerId: world.userId, parentId: '0', name, ...content });
  return { type: 'file', id: created.id, name, size: created.size, modifiedAt: null } as unknown as BoxItem;
}

function show(
  item: BoxItem,
  files: BoxItem[] = [item],
  on: { onShow?: (f: BoxItem) => void; onClose?: () => void } = {},
) {
  return render(
    <PreviewDialog
      file={item}
      files={files}
      onShow={on.onShow ?? (() => undefined)}
      onClose={on.onClose ?? (() => undefined)}
      onError={(message) => {
        throw new Error(message);
      }}
    />,
  );
}

describe('the preview viewers', () => {
  it('text: line numbers, the first 64 KiB by Range, the next part on "Show more"', async () => {
    const lines = Array.from({ length: 8000 }, (_, index) => `row ${index + 1} ${'-'.repeat(12)}`);
    const item = await file('big.log', { text: lines.join('\n') });
    show(item);
    const text = await screen.findByTestId('preview-text');
    await waitFor(() => expect(text).toHaveTextContent('row 1 '));
    expect(text).not.toHaveTextContent('row 8000 ');
    expect(world.ranges).toContain('bytes=0-65535');
    const first = text.querySelectorAll('li').length;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(text.querySelectorAll('li').length).toBeGreaterThan(first));
    expect(world.ranges).toContain('bytes=65536-131071');
    // Lines cut at a part's edge come out whole: every shown line is one of the file's.
    for (const line of [...text.querySelectorAll('li')].map((li) => li.textContent)) expect(lines).toContain(line);
  });

  it('Markdown: rendered as a page (sanitizing is checked in Chromium: DOMPurify needs a real DOM)', async () => {
    const item = await file('notes.md', { text: '# Plan\n\n- one\n- two\n\nSee [the site](https://example.com).' });
    show(item);
    const article = await screen.findByTestId('preview-markdown');
    await waitFor(() => expect(article.querySelectorAll('li')).toHaveLength(2));
    expect(article.querySelector('a')).toHaveTextContent('the site');
  });

  it('image: fit by default, zoom in steps, rotate by quarter turns', async () => {
    const item = await file('pixel.png', {
      base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    });
    show(item);
    const user = userEvent.setup();
    const image = await screen.findByTestId('preview-image');
    expect(image).toHaveAttribute('alt', 'pixel.png');
    expect(image.getAttribute('src')).toMatch(new RegExp(`/preview/${item.id}/content$`));
    await user.click(screen.getByRole('button', { name: 'Rotate' }));
    expect(image).toHaveAttribute('data-rotation', '90');
    expect(screen.getByText('Fit')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Fit to window' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Actual size' }));
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByText('125%')).toBeVisible();
  });

  it('a document whose PDF and picture failed: the extracted text, after Box had it pending', async () => {
    const item = await file('Plan.docx', { size: 4000 });
    for (const representation of ['pdf', 'jpg_2048x2048', 'jpg_1024x1024']) {
      await world.emulator.controls.representations({ fileId: item.id, representation, state: 'error' });
    }
    await world.emulator.controls.representations({
      fileId: item.id,
      representation: 'extracted_text',
      state: 'pending',
      pendingPolls: 3,
    });
    show(item);
    expect(await screen.findByTestId('preview-pending')).toHaveTextContent('Box is still preparing a preview');
    await waitFor(() => expect(screen.getByText('Shown as the text Box extracted')).toBeVisible(), { timeout: 15_000 });
    expect(await screen.findByTestId('preview-text')).toBeVisible();
  });

  it('a file nothing can show: "No preview" with Download and Open', async () => {
    const item = await file('model.bin', { size: 1000 });
    show(item);
    expect(await screen.findByTestId('preview-none')).toHaveTextContent('No preview for this kind of file');
    expect(screen.getByRole('button', { name: 'Download' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Open' })).toBeEnabled();
  });

  it('a dialog named by the file: ←/→ go to the folder’s previous/next file, Esc closes', async () => {
    const a = await file('a.txt', { text: 'a' });
    const b = await file('b.txt', { text: 'b' });
    const c = await file('c.txt', { text: 'c' });
    const shown: string[] = [];
    let closed = false;
    show(b, [a, b, c], { onShow: (next) => shown.push(next.name), onClose: () => (closed = true) });
    const dialog = screen.getByRole('dialog', { name: 'Preview of b.txt' });
    expect(dialog).toHaveFocus();
    const user = userEvent.setup();
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{ArrowLeft}');
    expect(shown).toEqual(['c.txt', 'a.txt']);
    await user.keyboard('{Escape}');
    expect(closed).toBe(true);
  });
});
