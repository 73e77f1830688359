import { startBoxStack, signedInService, type BoxStack, type SignedInService } from './support/box-stack.ts';

describe('BoxService browsing against the emulator with a token from the real backend', () => {
  let stack: BoxStack;
  let alice: SignedInService;

  beforeAll(async () => {
    stack = await startBoxStack();
    alice = await signedInService(stack, 'alice', { pageSize: 1000 });
  });
  afterAll(async () => {
    await stack.close();
  });

  it('shows a new user an empty root, then the folder they create', async () => {
    await expect(alice.service.listFolder({ folderId: '0' })).resolves.toEqual({ items: [], nextMarker: null });
    const created = await alice.service.createFolder('0', 'Quarterly reports');
    expect(created).toMatchObject({ type: 'folder', name: 'Quarterly reports', extension: '' });
    const page = await alice.service.listFolder({ folderId: '0' });
    expect(page.items.map((item) => item.name)).toEqual(['Quarterly reports']);
  });

  it('asks Box only for the fields the list shows, with marker paging', async () => {
    await stack.box.emulator.controls.clearRequests();
    await alice.service.listFolder({ folderId: '0' });
    const [request] = (await stack.box.emulator.controls.requests()).filter((r) => r.path === '/2.0/folders/0/items');
    const query = new URLSearchParams(request?.query);
    expect(query.get('fields')).toBe('type,id,name,size,modified_at,extension');
    expect(query.get('usemarker')).toBe('true');
  });

  it('pages a 2,500-item folder in exactly three calls, every item once', async () => {
    const folder = await alice.service.createFolder('0', 'Big');
    await stack.box.emulator.controls.seedItems({
      ownerId: alice.boxUserId,
      parentId: folder.id,
      count: 2500,
      namePrefix: 'doc',
    });
    await stack.box.emulator.controls.clearRequests();
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await alice.service.listFolder({ folderId: folder.id, ...(marker ? { marker } : {}) });
      names.push(...page.items.map((item) => item.name));
      marker = page.nextMarker ?? undefined;
    } while (marker);
    expect(names).toHaveLength(2500);
    expect(new Set(names).size).toBe(2500);
    const counts = await stack.box.emulator.controls.callCounts();
    expect(counts['GET /2.0/folders/{folder_id}/items']).toBe(3);
  });

  it('gives the breadcrumb path of a nested folder, root first', async () => {
    const outer = await alice.service.createFolder('0', 'Outer');
    const inner = await alice.service.createFolder(outer.id, 'Inner');
    await expect(alice.service.getFolder(inner.id)).resolves.toEqual({
      id: inner.id,
      name: 'Inner',
      path: [
        { id: '0', name: 'All Files' },
        { id: outer.id, name: 'Outer' },
      ],
    });
    await expect(alice.service.getFolder('0')).resolves.toEqual({ id: '0', name: 'All Files', path: [] });
  });

  it('searches, optionally within a folder, and says where each result lives', async () => {
    const projects = await alice.service.createFolder('0', 'Projects');
    await stack.box.emulator.controls.createFile({
      ownerId: alice.boxUserId,
      parentId: projects.id,
      name: 'budget-2027.xlsx',
      text: 'x',
    });
    await stack.box.emulator.controls.createFile({ ownerId: alice.boxUserId, name: 'budget-old.xlsx', text: 'y' });
    const everywhere = await alice.service.search({ query: 'budget' });
    expect(everywhere.results.map((result) => result.name).sort()).toEqual(['budget-2027.xlsx', 'budget-old.xlsx']);
    const inProjects = await alice.service.search({ query: 'budget', ancestorFolderId: projects.id });
    expect(inProjects.results).toHaveLength(1);
    expect(inProjects.results[0]).toMatchObject({
      name: 'budget-2027.xlsx',
      extension: 'xlsx',
      path: [
        { id: '0', name: 'All Files' },
        { id: projects.id, name: 'Projects' },
      ],
    });
  });

  it('renames, moves and shows file info', async () => {
    const target = await alice.service.createFolder('0', 'Archive');
    const file = await stack.box.emulator.controls.createFile({
      ownerId: alice.boxUserId,
      name: 'notes.txt',
      text: 'hello',
    });
    await expect(alice.service.rename(file.id, 'file', 'meeting notes.txt')).resolves.toMatchObject({
      name: 'meeting notes.txt',
    });
    await alice.service.move(file.id, 'file', target.id);
    const info = await alice.service.getFileInfo(file.id);
    expect(info).toMatchObject({ name: 'meeting notes.txt', size: 5, extension: 'txt' });
    expect(info.path.map((entry) => entry.name)).toEqual(['All Files', 'Archive']);
    const renamed = await alice.service.rename(target.id, 'folder', 'Archive 2026');
    expect(renamed).toMatchObject({ type: 'folder', name: 'Archive 2026' });
  });

  it('deletes a folder with everything in it', async () => {
    const doomed = await alice.service.createFolder('0', 'Doomed');
    await alice.service.createFolder(doomed.id, 'Child');
    await alice.service.delete(doomed.id, 'folder');
    const names = (await alice.service.listFolder({ folderId: '0' })).items.map((item) => item.name);
    expect(names).not.toContain('Doomed');
    await expect(alice.service.getFolder(doomed.id)).rejects.toMatchObject({ code: 'box_not_found' });
  });

  it('does not show one user what another stores', async () => {
    const bob = await signedInService(stack, 'bob');
    expect(bob.boxUserId).not.toBe(alice.boxUserId);
    await expect(bob.service.listFolder({ folderId: '0' })).resolves.toEqual({ items: [], nextMarker: null });
    await expect(bob.service.search({ query: 'budget' })).resolves.toMatchObject({ results: [] });
  });
});
