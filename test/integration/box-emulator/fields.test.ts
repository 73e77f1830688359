import { startConformanceHarness, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

let h: ConformanceHarness;

beforeAll(async () => {
  h = await startConformanceHarness();
});
afterAll(() => h.close());
afterEach(async () => {
  const { failures } = await h.checkConformance();
  expect(failures).toEqual([]);
});

const FILE_EXTRA = [
  'permissions',
  'tags',
  'lock',
  'is_externally_owned',
  'has_collaborations',
  'allowed_invitee_roles',
  'is_accessible_via_shared_link',
  'watermark_info',
  'shared_link_permission_options',
  'uploader_display_name',
  'version_number',
  'extension',
];
const FOLDER_EXTRA = [
  'permissions',
  'tags',
  'is_externally_owned',
  'has_collaborations',
  'sync_state',
  'can_non_owners_invite',
  'allowed_shared_link_access_levels',
  'is_collaboration_restricted_to_enterprise',
];

describe('fields on item routes', () => {
  it('answers exactly the requested file and folder fields plus the identity, with plausible values', async () => {
    const ownerId = (await h.admin.users.createUser({ name: 'Field Owner', isPlatformAccessOnly: true })).id;
    const viewerId = (await h.admin.users.createUser({ name: 'Field Viewer', isPlatformAccessOnly: true })).id;
    const owner = h.asUser(ownerId);
    const folder = await owner.folders.createFolder({ name: 'Fielded', parent: { id: '0' } });
    const file = await h.emulator.controls.createFile({ ownerId, parentId: folder.id, name: 'f.docx', text: 'f' });
    await owner.files.updateFileById(file.id, { requestBody: { tags: ['approved', 'q3'] } });
    await owner.folders.updateFolderById(folder.id, { requestBody: { tags: ['team'] } });
    await owner.userCollaborations.createCollaboration({
      item: { type: 'folder', id: folder.id },
      accessibleBy: { type: 'user', id: viewerId },
      role: 'viewer',
    });

    const asOwner = await owner.files.getFileById(file.id, { queryParams: { fields: FILE_EXTRA } });
    expect(Object.keys(asOwner.rawData ?? {}).sort()).toEqual(
      ['etag', 'id', 'type', ...FILE_EXTRA.filter((f) => f !== 'lock'), 'lock'].sort(),
    );
    expect(asOwner).toMatchObject({
      tags: ['approved', 'q3'],
      isExternallyOwned: false,
      hasCollaborations: false,
      extension: 'docx',
      uploaderDisplayName: 'Field Owner',
      permissions: { canDownload: true, canUpload: true, canRename: true, canDelete: true },
    });
    expect(asOwner.rawData).toMatchObject({ lock: null });

    // A viewer sees the same file with a viewer's permissions.
    const asViewer = await h.asUser(viewerId).files.getFileById(file.id, { queryParams: { fields: ['permissions'] } });
    expect(asViewer.permissions).toMatchObject({
      canDownload: true,
      canPreview: true,
      canUpload: false,
      canDelete: false,
    });

    const folderFields = await owner.folders.getFolderById(folder.id, { queryParams: { fields: FOLDER_EXTRA } });
    expect(Object.keys(folderFields.rawData ?? {}).sort()).toEqual(['etag', 'id', 'type', ...FOLDER_EXTRA].sort());
    expect(folderFields).toMatchObject({ hasCollaborations: true, tags: ['team'], syncState: 'not_synced' });
    expect(folderFields.allowedSharedLinkAccessLevels).toEqual(['open', 'company', 'collaborators']);

    const listed = await owner.folders.getFolderItems(folder.id, { queryParams: { fields: ['tags', 'lock'] } });
    const firstEntry = (listed.rawData as unknown as { entries: Record<string, unknown>[] }).entries[0];
    expect(Object.keys(firstEntry ?? {}).sort()).toEqual(['etag', 'id', 'lock', 'tags', 'type']);
    const searched = await owner.search.searchForContent({ query: 'f.docx', fields: ['has_collaborations'] });
    expect(searched.entries?.[0]).toMatchObject({ hasCollaborations: false });
  });

  it('leaves out untagged tags (the spec wants at least one) and refuses malformed tags', async () => {
    const ownerId = (await h.admin.users.createUser({ name: 'No Tags', isPlatformAccessOnly: true })).id;
    const file = await h.emulator.controls.createFile({ ownerId, name: 'plain.txt', text: 'p' });
    const read = await h.asUser(ownerId).files.getFileById(file.id, { queryParams: { fields: ['tags', 'name'] } });
    expect(Object.keys(read.rawData ?? {}).sort()).toEqual(['etag', 'id', 'name', 'type']);
    await expect(
      h.asUser(ownerId).files.updateFileById(file.id, { requestBody: { tags: [''] } }),
    ).rejects.toMatchObject({ responseInfo: { statusCode: 400 } });
  });
});
