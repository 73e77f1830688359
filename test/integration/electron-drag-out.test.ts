import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { createStartDrag } from '../../main/electron/drag-out.ts';
import { recorded, StandInBrowserWindow, StandInNativeImage } from '../support/electron-stand-in.ts';

/** The Electron half of drag-out, through the stand-in: what it asked webContents.startDrag for. */
vi.mock('electron', () => import('../support/electron-stand-in.ts'));

describe('drag-out in the Electron shell', () => {
  const cache = join('/tmp', 'box-sso-test-drag');
  const window = new StandInBrowserWindow({}) as unknown as BrowserWindow;
  const startDrag = createStartDrag(() => window, cache);

  beforeEach(() => {
    recorded.drags.length = 0;
  });

  it('starts the OS drag of the prepared file with the OS’s icon for it', async () => {
    const file = join(cache, '42', '7', 'abc', 'report.pdf');
    await startDrag(file);
    expect(recorded.drags).toHaveLength(1);
    expect(recorded.drags[0]!.file).toBe(file);
    expect(recorded.drags[0]!.icon).toBeInstanceOf(StandInNativeImage);
    expect((recorded.drags[0]!.icon as StandInNativeImage).forPath).toBe(file);
  });

  it('refuses any path outside the drag-out folder', async () => {
    for (const path of ['/etc/passwd', join(cache, '..', 'elsewhere.txt'), cache]) {
      await expect(startDrag(path), path).rejects.toThrow(/drag-out folder/);
    }
    expect(recorded.drags).toEqual([]);
  });

  it('does nothing once the window is gone', async () => {
    await createStartDrag(() => null, cache)(join(cache, 'a', 'b.txt'));
    expect(recorded.drags).toEqual([]);
  });
});
