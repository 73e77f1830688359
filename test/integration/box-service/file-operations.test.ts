/**
 * Trash, versions and shared links through BoxService against the emulator, with the scoped
 * token the real backend grants after a real sign-in.
 */
import { backendEnv, startBackend, type RunningBackend } from '../backend/support/backend-harness.ts';
import { startBoxStack, signedInService, type BoxStack, type SignedInService } from './support/box-stack.ts';
import { uploadNewVersion } from './support/new-version.ts';

describe('BoxService file operations: trash, versions, shared links', () => {
  let stack: BoxStack;
  let alice: SignedInService;

  beforeAll(async () => {
    stack = await startBoxStack();
    alice = await signedInService(stack, 'alice');
  });
  afterEach(async () => {
    await stack.box.emulator.controls.settings({ openSharedLinksAllowed: true });
  });
  afterAll(async () => {
    await stack.close();
  });

  const file = (name: string, text: string, parentId?: string) =>
    stack.box.emulator.controls.createFile({
      ownerId: alice.boxUserId,
      name,
      text,
      ...(parentId ? { parentId } : {}),
    });
  const names = async (folderId: string) =>
    (await alice.service.listFolder({ folderId })).items.map((item) => item.name);

  describe('trash', () => {
    it('lists what was deleted with where it came from, and restores it to its folder', async () => {
      const reports = await alice.service.createFolder('0', 'Reports');
      const q3 = await file('q3.pdf', 'q3', reports.id);
      await alice.service.delete(q3.id, 'file');

      const trash = await alice.service.listTrash();
      const entry = trash.items.find((item) => item.id === q3.id);
      expect(entry).toMatchObject({ type: 'file', name: 'q3.pdf', from: { id: reports.id, name: 'Reports' } });
      expect(Date.parse(entry!.trashedAt!)).toBeGreaterThan(Date.now() - 60_000);
      expect(Date.parse(entry!.purgeAt!)).toBeGreaterThan(Date.parse(entry!.trashedAt!));

      await expect(alice.service.restore(q3.id, 'file')).resolves.toMatchObject({ id: q3.id, name: 'q3.pdf' });
      expect(await names(reports.id)).toEqual(['q3.pdf']);
      expect((await alice.service.listTrash()).items.map((item) => item.id)).not.toContain(q3.id);
    });

    it('restoring an item whose folder was deleted asks for a folder, then restores into the chosen one', async () => {
      const project = await alice.service.createFolder('0', 'Old project');
      const plan = await file('plan.txt', 'the plan', project.id);
      await alice.service.delete(plan.id, 'file');
      await alice.service.delete(project.id, 'folder');
      await alice.service.purge(project.id, 'folder');

      const refused = alice.service.restore(plan.id, 'file');
      await expect(refused).rejects.toMatchObject({ code: 'box_restore_needs_folder' });
      await expect(refused).rejects.toThrow(/no longer exists. Choose a folder/);
      // Nothing moved: it is still in the trash.
      expect((await alice.service.listTrash()).items.map((item) => item.id)).toContain(plan.id);

      const rescue = await alice.service.createFolder('0', 'Rescued');
      await expect(alice.service.restore(plan.id, 'file', rescue.id)).resolves.toMatchObject({ name: 'plan.txt' });
      expect(await names(rescue.id)).toEqual(['plan.txt']);
    });

    it('restoring next to an item of the same name says the name is taken and keeps it in the trash', async () => {
      const first = await file('budget.xlsx', 'one');
      await alice.service.delete(first.id, 'file');
      await file('budget.xlsx', 'two');
      await expect(alice.service.restore(first.id, 'file')).rejects.toMatchObject({ code: 'box_item_name_in_use' });
      expect((await alice.service.listTrash()).items.map((item) => item.id)).toContain(first.id);

      // The user picks another name: it comes back beside the newer one, under that name.
      await expect(alice.service.restore(first.id, 'file', undefined, 'budget (restored).xlsx')).resolves.toMatchObject({
        id: first.id,
        name: 'budget (restored).xlsx',
      });
      expect(await names('0')).toEqual(expect.arrayContaining(['budget.xlsx', 'budget (restored).xlsx']));
      expect((await alice.service.listTrash()).items.map((item) => item.id)).not.toContain(first.id);
    });

    it('refuses a restore name that breaks Box\'s rules before asking Box, and keeps the item in the trash', async () => {
      const item = await file('notes.txt', 'n');
      await alice.service.delete(item.id, 'file');
      await expect(alice.service.restore(item.id, 'file', undefined, 'a/b.txt')).rejects.toMatchObject({
        code: 'box_item_name_invalid',
      });
      expect((await alice.service.listTrash()).items.map((entry) => entry.id)).toContain(item.id);
    });

    it('deletes a trashed folder for good: it leaves the trash and cannot be restored', async () => {
      const folder = await alice.service.createFolder('0', 'Gone for good');
      await alice.service.delete(folder.id, 'folder');
      await alice.service.purge(folder.id, 'folder');
      expect((await alice.service.listTrash()).items.map((item) => item.id)).not.toContain(folder.id);
      await expect(alice.service.restore(folder.id, 'folder')).rejects.toMatchObject({ code: 'box_not_found' });
    });
  });

  describe('versions', () => {
    it('lists versions newest first with who and size, and makes an old one current', async () => {
      const notes = await file('notes.md', 'v1');
      const { accessToken } = await alice.tokens.getAccess();
      await uploadNewVersion(stack.box.emulator.origin, accessToken, notes.id, 'version two');
      await uploadNewVersion(stack.box.emulator.origin, accessToken, notes.id, 'the third one');

      const versions = await alice.service.listVersions(notes.id);
      expect(versions.current).toMatchObject({ size: 'the third one'.length, versionNumber: '3' });
      expect(versions.previous.map((v) => [v.versionNumber, v.size])).toEqual([
        ['2', 'version two'.length],
        ['1', 2],
      ]);
      expect(versions.previous[0]!.modifiedBy).toBeTruthy();

      const first = versions.previous.at(-1)!;
      const promoted = await alice.service.promoteVersion(notes.id, first.id);
      expect(promoted).toMatchObject({ size: 2, versionNumber: '4' });
      const after = await alice.service.listVersions(notes.id);
      expect(after.current).toMatchObject({ id: promoted.id, size: 2 });
      expect(after.previous).toHaveLength(3);
      expect((await alice.service.getFileInfo(notes.id)).size).toBe(2);
    });

    it('a version of another file is not found', async () => {
      const one = await file('one.txt', '1');
      const other = await file('other.txt', '2');
      const { accessToken } = await alice.tokens.getAccess();
      await uploadNewVersion(stack.box.emulator.origin, accessToken, other.id, '22');
      const [otherOld] = (await alice.service.listVersions(other.id)).previous;
      await expect(alice.service.promoteVersion(one.id, otherOld!.id)).rejects.toMatchObject({ code: 'box_not_found' });
    });
  });

  describe('shared links', () => {
    it('creates, changes and removes a file’s link; its URL stays across changes', async () => {
      const deck = await file('deck.pdf', 'slides');
      await expect(alice.service.getSharing(deck.id, 'file')).resolves.toMatchObject({ link: null, canShare: true });

      const created = await alice.service.setSharedLink(deck.id, 'file', {
        access: 'open',
        password: 'correct horse',
        unsharedAt: null,
        canDownload: true,
      });
      expect(created).toMatchObject({ access: 'open', passwordEnabled: true, canDownload: true, unsharedAt: null });
      expect(created.url).toMatch(/^https:\/\/app\.box\.com\/s\//);

      const expiry = new Date(Date.now() + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const changed = await alice.service.setSharedLink(deck.id, 'file', {
        access: 'company',
        unsharedAt: expiry,
        canDownload: false,
      });
      // A password is for open links only: moving to `company` clears it.
      expect(changed).toMatchObject({
        url: created.url,
        access: 'company',
        passwordEnabled: false,
        canDownload: false,
      });
      expect(Date.parse(changed.unsharedAt!)).toBe(Date.parse(expiry));
      await expect(alice.service.getSharing(deck.id, 'file')).resolves.toMatchObject({ link: changed });

      const neverExpires = await alice.service.setSharedLink(deck.id, 'file', {
        access: 'company',
        unsharedAt: null,
        canDownload: false,
      });
      expect(neverExpires.unsharedAt).toBeNull();

      await alice.service.removeSharedLink(deck.id, 'file');
      await expect(alice.service.getSharing(deck.id, 'file')).resolves.toMatchObject({ link: null });
    });

    it('a folder offers only the access levels the enterprise allows', async () => {
      const folder = await alice.service.createFolder('0', 'Team share');
      await expect(alice.service.getSharing(folder.id, 'folder')).resolves.toMatchObject({
        allowedAccess: ['open', 'company', 'collaborators'],
      });
      await stack.box.emulator.controls.settings({ openSharedLinksAllowed: false });
      await expect(alice.service.getSharing(folder.id, 'folder')).resolves.toMatchObject({
        allowedAccess: ['company', 'collaborators'],
      });
    });

    it('an open link the enterprise forbids is refused with Box’s reason, and nothing changes', async () => {
      const memo = await file('memo.txt', 'internal');
      await alice.service.setSharedLink(memo.id, 'file', { access: 'company', unsharedAt: null, canDownload: true });
      await stack.box.emulator.controls.settings({ openSharedLinksAllowed: false });
      const refused = alice.service.setSharedLink(memo.id, 'file', {
        access: 'open',
        unsharedAt: null,
        canDownload: true,
      });
      await expect(refused).rejects.toMatchObject({ code: 'box_share_refused' });
      await expect(refused).rejects.toThrow(
        'Box does not allow this shared link: “The enterprise does not allow open shared links”',
      );
      await expect(alice.service.getSharing(memo.id, 'file')).resolves.toMatchObject({ link: { access: 'company' } });
    });

    it('Box’s rules for a link are shown in its words: a password that is too short', async () => {
      const sheet = await file('sheet.csv', 'a,b');
      const refused = alice.service.setSharedLink(sheet.id, 'file', {
        access: 'open',
        password: 'short',
        unsharedAt: null,
        canDownload: true,
      });
      await expect(refused).rejects.toMatchObject({ code: 'box_share_refused' });
      await expect(refused).rejects.toThrow(/at least 8 characters/);
    });
  });

  describe('the item_share scope', () => {
    let withoutShare: RunningBackend;

    beforeAll(async () => {
      withoutShare = await startBackend(
        backendEnv(stack.idp.issuer, stack.idp.desktopClientId, stack.box, {
          LOG_LEVEL: 'warn',
          BOX_TOKEN_SCOPES: 'base_explorer item_preview item_download item_upload item_rename item_delete',
        }),
      );
    });
    afterAll(async () => {
      await withoutShare.close();
    });

    it('the default token carries item_share', async () => {
      expect((await alice.tokens.getAccess()).scopes).toContain('item_share');
    });

    it('a token without item_share is refused by Box for shared links, and can still read the item', async () => {
      const limited = await signedInService(stack, 'alice', { backend: withoutShare });
      expect((await limited.tokens.getAccess()).scopes).not.toContain('item_share');
      const report = await file('report.docx', 'r');
      await expect(limited.service.getSharing(report.id, 'file')).resolves.toMatchObject({ link: null });
      const refused = limited.service.setSharedLink(report.id, 'file', {
        access: 'company',
        unsharedAt: null,
        canDownload: true,
      });
      await expect(refused).rejects.toMatchObject({ code: 'box_insufficient_scope' });
      await expect(refused).rejects.toThrow(/not allowed this app/);
      await expect(alice.service.getSharing(report.id, 'file')).resolves.toMatchObject({ link: null });
    });
  });
});
