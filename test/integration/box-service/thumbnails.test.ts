import { createBoxHandlers } from '../../../main/core/box/box-handlers.ts';
import { startBoxStack, signedInService, type BoxStack, type SignedInService } from './support/box-stack.ts';

const thumbnailRoute = 'GET /2.0/files/{file_id}/thumbnail.{extension}';

describe('BoxService thumbnails', () => {
  let stack: BoxStack;
  let alice: SignedInService;

  beforeAll(async () => {
    stack = await startBoxStack();
    alice = await signedInService(stack, 'alice', { thumbnailCacheBytes: 1024 });
  });
  afterEach(async () => {
    await stack.box.emulator.controls.settings({ thumbnailPendingResponses: 0 });
  });
  afterAll(async () => {
    await stack.close();
  });

  const seedImage = (name: string) =>
    stack.box.emulator.controls.createFile({ ownerId: alice.boxUserId, name, text: 'pixels' });

  it('returns an image as a data: URL and serves the next ask from memory', async () => {
    const photo = await seedImage('photo.png');
    await stack.box.emulator.controls.clearRequests();
    const first = await alice.service.getThumbnail(photo.id);
    expect(first).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    await expect(alice.service.getThumbnail(photo.id)).resolves.toBe(first);
    expect((await stack.box.emulator.controls.callCounts())[thumbnailRoute]).toBe(1);
  });

  it('concurrent asks for one thumbnail share one Box call', async () => {
    const photo = await seedImage('shared.png');
    await stack.box.emulator.controls.clearRequests();
    const results = await Promise.all([1, 2, 3].map(() => alice.service.getThumbnail(photo.id)));
    expect(new Set(results).size).toBe(1);
    expect((await stack.box.emulator.controls.callCounts())[thumbnailRoute]).toBe(1);
  });

  it('waits out Box’s 202 "still drawing" with its retry-after', async () => {
    await stack.box.emulator.controls.settings({ thumbnailPendingResponses: 1, thumbnailRetryAfterSeconds: 1 });
    const photo = await seedImage('fresh.png');
    const started = performance.now();
    await expect(alice.service.getThumbnail(photo.id)).resolves.toMatch(/^data:image\/png/);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('has no thumbnail for a file Box cannot draw (not Box’s generic icon)', async () => {
    const text = await seedImage('notes.txt');
    await expect(alice.service.getThumbnail(text.id)).resolves.toBeNull();
  });

  it('keeps the cache within its byte bound, dropping the least recently used', async () => {
    const cache = alice.service.thumbnailCache;
    cache.clear();
    for (let n = 0; n < 20; n += 1) await alice.service.getThumbnail((await seedImage(`many-${n}.png`)).id);
    expect(cache.bytes).toBeLessThanOrEqual(1024);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(20);
  });

  describe('documents: the first page from the jpg representation', () => {
    let bob: SignedInService;
    const contentRoute = 'GET /2.0/internal_files/{file_id}/versions/{version_id}/representations/{rep_key}/content/';
    beforeAll(async () => {
      // A cache big enough for a page picture (alice's holds 1 KiB to test the bound).
      bob = await signedInService(stack, 'bob');
    });
    afterEach(async () => {
      await stack.box.emulator.controls.representations({ state: 'success' });
    });
    const seedPdf = (name: string) =>
      stack.box.emulator.controls.createFile({ ownerId: bob.boxUserId, name, pdfPages: 3 });

    it('is a JPEG of the first page, the 160×160 rendition, then served from memory', async () => {
      const report = await seedPdf('report.pdf');
      await stack.box.emulator.controls.clearRequests();
      const first = await bob.service.getThumbnail(report.id, 'document');
      expect(first).toMatch(/^data:image\/jpeg;base64,\/9j\//);
      await expect(bob.service.getThumbnail(report.id, 'document')).resolves.toBe(first);
      const requests = await stack.box.emulator.controls.requests();
      expect(requests.filter((request) => request.path.includes('/representations/jpg_160x160/content'))).toHaveLength(
        1,
      );
      expect((await stack.box.emulator.controls.callCounts())[contentRoute]).toBe(1);
    });

    it('waits out a representation Box is still making (its 202 and retry-after)', async () => {
      const slides = await seedPdf('slides.pdf');
      await stack.box.emulator.controls.representations({
        fileId: slides.id,
        representation: 'jpg_160x160',
        state: 'pending',
        pendingPolls: 2,
      });
      await expect(bob.service.getThumbnail(slides.id, 'document')).resolves.toMatch(/^data:image\/jpeg/);
    });

    it('is none when Box could not make the picture (no request for its content)', async () => {
      const broken = await seedPdf('broken.pdf');
      await stack.box.emulator.controls.representations({
        fileId: broken.id,
        representation: 'jpg_160x160',
        state: 'error',
      });
      await stack.box.emulator.controls.clearRequests();
      await expect(bob.service.getThumbnail(broken.id, 'document')).resolves.toBeNull();
      expect((await stack.box.emulator.controls.callCounts())[contentRoute]).toBeUndefined();
    });

    it('is none for a file Box has no representations of', async () => {
      const archive = await stack.box.emulator.controls.createFile({
        ownerId: bob.boxUserId,
        name: 'a.zip',
        text: 'zip',
      });
      await expect(bob.service.getThumbnail(archive.id, 'document')).resolves.toBeNull();
    });
  });

  it('the handlers refuse every call when nobody is signed in', async () => {
    const handlers = createBoxHandlers(() => null);
    await expect(Promise.resolve().then(() => handlers['box:listFolder']({ folderId: '0' }))).rejects.toMatchObject({
      code: 'not_signed_in',
    });
    const signedIn = createBoxHandlers(() => alice.service);
    await expect(signedIn['box:getFolder']({ folderId: '0' })).resolves.toMatchObject({ name: 'All Files' });
  });
});
