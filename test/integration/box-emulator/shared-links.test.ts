import type { BoxClient } from 'box-node-sdk';
import { dateTimeFromString } from 'box-node-sdk/internal/utils';
import { startConformanceHarness, tokenClient, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;
let ownerId: string;
let owner: BoxClient;
let other: BoxClient;

const status = (statusCode: number, code?: string) => ({
  responseInfo: { statusCode, ...(code === undefined ? {} : { code: expect.stringContaining(code) as unknown }) },
});

beforeAll(async () => {
  h = await startConformanceHarness();
  ownerId = (await h.admin.users.createUser({ name: 'Sharer', isPlatformAccessOnly: true })).id;
  owner = h.asUser(ownerId);
  other = h.asUser((await h.admin.users.createUser({ name: 'Receiver', isPlatformAccessOnly: true })).id);
});
afterAll(() => h.close());
afterEach(async () => {
  await h.emulator.controls.settings({ openSharedLinksAllowed: true });
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

// Behaviour from Box's guides "Create or update shared link", "Shared link permissions" and "Find item for shared link".
describe('shared links on files', () => {
  it('makes, changes and removes a link; another user finds the file through BoxApi', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, name: 'share-me.pdf', text: 'x' });
    const shared = await owner.sharedLinksFiles.addShareLinkToFile(
      file.id,
      { sharedLink: { access: 'open', permissions: { canDownload: false } } },
      { fields: 'shared_link' },
    );
    const link = shared.sharedLink;
    expect(link).toMatchObject({ access: 'open', isPasswordEnabled: false, permissions: { canDownload: false } });
    expect(link?.downloadUrl ?? null).toBeNull();
    const found = await other.sharedLinksFiles.findFileForSharedLink(undefined, { boxapi: `shared_link=${link!.url}` });
    expect(found.id).toBe(file.id);
    // Other users still cannot reach the file without the link.
    await expect(other.files.getFileById(file.id)).rejects.toMatchObject(status(404));

    const changed = await owner.sharedLinksFiles.updateSharedLinkOnFile(
      file.id,
      { sharedLink: { password: 'correct horse', permissions: { canDownload: true } } },
      { fields: 'shared_link' },
    );
    expect(changed.sharedLink).toMatchObject({
      url: link!.url,
      isPasswordEnabled: true,
      permissions: { canDownload: true },
    });
    await expect(
      other.sharedLinksFiles.findFileForSharedLink(undefined, { boxapi: `shared_link=${link!.url}` }),
    ).rejects.toMatchObject(status(403, 'incorrect_shared_item_password'));
    const withPassword = new URLSearchParams({ shared_link: link!.url, shared_link_password: 'correct horse' });
    expect(
      (await other.sharedLinksFiles.findFileForSharedLink(undefined, { boxapi: withPassword.toString() })).id,
    ).toBe(file.id);

    const removed = await owner.sharedLinksFiles.removeSharedLinkFromFile(
      file.id,
      { sharedLink: null },
      { fields: 'shared_link' },
    );
    // box-node-sdk puts `?fields=` after its `#remove_shared_link` marker, so the full file comes back.
    expect(removed.id).toBe(file.id);
    expect(removed.sharedLink).toBeUndefined();
    await expect(
      other.sharedLinksFiles.findFileForSharedLink(undefined, { boxapi: withPassword.toString() }),
    ).rejects.toMatchObject(status(404));
  });

  it('refuses bad settings and keeps the link as it was', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, name: 'strict.txt', text: 's' });
    await owner.sharedLinksFiles.addShareLinkToFile(
      file.id,
      { sharedLink: { access: 'company' } },
      { fields: 'shared_link' },
    );
    await expect(
      owner.sharedLinksFiles.updateSharedLinkOnFile(
        file.id,
        { sharedLink: { password: 'long enough pw' } },
        { fields: 'shared_link' },
      ),
    ).rejects.toMatchObject(status(400));
    await expect(
      owner.sharedLinksFiles.updateSharedLinkOnFile(
        file.id,
        { sharedLink: { unsharedAt: dateTimeFromString('2001-01-01T00:00:00+00:00') } },
        { fields: 'shared_link' },
      ),
    ).rejects.toMatchObject(status(400));
    const kept = await owner.sharedLinksFiles.getSharedLinkForFile(file.id, { fields: 'shared_link' });
    expect(kept.sharedLink).toMatchObject({ access: 'company', isPasswordEnabled: false, unsharedAt: undefined });
  });

  it('refuses open links when the enterprise forbids them (emulator control)', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, name: 'internal.txt', text: 'i' });
    await h.emulator.controls.settings({ openSharedLinksAllowed: false });
    await expect(
      owner.sharedLinksFiles.addShareLinkToFile(file.id, { sharedLink: { access: 'open' } }, { fields: 'shared_link' }),
    ).rejects.toMatchObject(status(403, 'access_denied_insufficient_permissions'));
    const company = await owner.sharedLinksFiles.addShareLinkToFile(
      file.id,
      { sharedLink: { access: 'company' } },
      { fields: 'shared_link' },
    );
    expect(company.sharedLink?.access).toBe('company');
  });

  it('needs item_share for a downscoped token', async () => {
    const file = await h.emulator.controls.createFile({ ownerId, name: 'scoped.txt', text: 'd' });
    const { access_token: readOnly } = await h.emulator.controls.issueToken({
      userId: ownerId,
      scopes: ['root_readonly'],
    });
    await expect(
      tokenClient(h.emulator, readOnly).sharedLinksFiles.addShareLinkToFile(
        file.id,
        { sharedLink: { access: 'open' } },
        { fields: 'shared_link' },
      ),
    ).rejects.toMatchObject(status(403, 'insufficient_scope'));
    const { access_token: sharer } = await h.emulator.controls.issueToken({
      userId: ownerId,
      scopes: ['base_explorer', 'item_share'],
    });
    const shared = await tokenClient(h.emulator, sharer).sharedLinksFiles.addShareLinkToFile(
      file.id,
      { sharedLink: { access: 'open' } },
      { fields: 'shared_link' },
    );
    expect(shared.sharedLink?.url).toContain('/s/');
  });
});

describe('shared links on folders', () => {
  it('shares a folder for collaborators only and finds it through BoxApi', async () => {
    const folder = await owner.folders.createFolder({ name: 'Shared folder', parent: { id: '0' } });
    const shared = await owner.sharedLinksFolders.addShareLinkToFolder(
      folder.id,
      { sharedLink: { access: 'collaborators' } },
      { fields: 'shared_link' },
    );
    const boxapi = `shared_link=${shared.sharedLink!.url}`;
    expect((await owner.sharedLinksFolders.findFolderForSharedLink(undefined, { boxapi })).id).toBe(folder.id);
    await expect(other.sharedLinksFolders.findFolderForSharedLink(undefined, { boxapi })).rejects.toMatchObject(
      status(404),
    );
    const opened = await owner.sharedLinksFolders.updateSharedLinkOnFolder(
      folder.id,
      { sharedLink: { access: 'open' } },
      { fields: 'shared_link' },
    );
    expect(opened.sharedLink?.access).toBe('open');
    expect((await other.sharedLinksFolders.findFolderForSharedLink(undefined, { boxapi })).id).toBe(folder.id);
  });
});
