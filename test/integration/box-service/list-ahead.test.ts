import { startBoxStack, signedInService, type BoxStack, type SignedInService } from './support/box-stack.ts';

/** The first page listed at sign-in, before the renderer asks (docs/launch.md): same answer, one Box call less. */
describe('BoxService.listAhead: the first page on its way before the renderer asks', () => {
  let stack: BoxStack;
  let alice: SignedInService;
  const itemCalls = async () =>
    (await stack.box.emulator.controls.requests()).filter((r) => r.path === '/2.0/folders/0/items').length;

  beforeAll(async () => {
    stack = await startBoxStack();
    alice = await signedInService(stack, 'alice', { pageSize: 1000 });
    await alice.service.createFolder('0', 'Reports');
    await alice.service.createFolder('0', 'Archive');
  });
  afterAll(async () => {
    await stack.close();
  });
  afterEach(async () => {
    await stack.box.emulator.controls.clearFaults();
  });

  it("hands the renderer's first listing the page it listed ahead, the same page Box gives, in one call", async () => {
    const fresh = await alice.service.listFolder({ folderId: '0' });
    await stack.box.emulator.controls.clearRequests();
    alice.service.listAhead('0');
    await expect(alice.service.listFolder({ folderId: '0' })).resolves.toEqual(fresh);
    expect(await itemCalls()).toBe(1);
  });

  it('is used once: the next listing asks Box again and sees what changed meanwhile', async () => {
    alice.service.listAhead('0');
    await alice.service.listFolder({ folderId: '0' });
    await alice.service.createFolder('0', 'Later');
    const again = await alice.service.listFolder({ folderId: '0' });
    expect(again.items.map((item) => item.name)).toContain('Later');
  });

  it('serves only the same request: another folder, a marker or a sort order asks Box itself', async () => {
    const other = await alice.service.createFolder('0', 'Other');
    await stack.box.emulator.controls.clearRequests();
    alice.service.listAhead('0');
    await expect(alice.service.listFolder({ folderId: other.id })).resolves.toEqual({ items: [], nextMarker: null });
    const sorted = await alice.service.listFolder({ folderId: '0', sort: 'name', direction: 'DESC' });
    const names = sorted.items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    // The page listed ahead (default order) and the sorted one: two calls, the sorted answer Box's own.
    await expect.poll(itemCalls).toBe(2);
  });

  it("a failed listing ahead is forgotten: the renderer's listing asks Box and gets the folder", async () => {
    await stack.box.emulator.controls.addFault({ route: 'GET /2.0/folders/{folder_id}/items', status: 400, times: 1 });
    alice.service.listAhead('0');
    const page = await alice.service.listFolder({ folderId: '0' });
    expect(page.items.map((item) => item.name)).toEqual(expect.arrayContaining(['Reports', 'Archive']));
  });

  it('an old page is not shown: past its age the listing asks Box again', async () => {
    await stack.box.emulator.controls.clearRequests();
    alice.service.listAhead('0', 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await alice.service.listFolder({ folderId: '0' });
    await expect.poll(itemCalls).toBe(2);
  });
});
