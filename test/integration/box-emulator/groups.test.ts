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

const status = (statusCode: number, code?: string) => ({
  responseInfo: { statusCode, ...(code === undefined ? {} : { code: expect.stringContaining(code) as unknown }) },
});

const appUser = (name: string) => h.admin.users.createUser({ name, isPlatformAccessOnly: true });

describe('groups', () => {
  it('creates, reads, lists, renames and deletes groups; a taken name is a 409', async () => {
    const group = await h.admin.groups.createGroup({ name: 'Engineering', description: 'Builders' });
    expect(group).toMatchObject({ type: 'group', name: 'Engineering', description: 'Builders' });
    await expect(h.admin.groups.createGroup({ name: 'engineering' })).rejects.toMatchObject(
      status(409, 'invalid_parameter'),
    );
    expect((await h.admin.groups.getGroupById(group.id)).name).toBe('Engineering');
    await h.admin.groups.createGroup({ name: 'Marketing' });
    const listed = await h.admin.groups.getGroups({ filterTerm: 'eng' });
    expect(listed.entries?.map((g) => g.id)).toEqual([group.id]);
    const renamed = await h.admin.groups.updateGroupById(group.id, { requestBody: { name: 'Platform' } });
    expect(renamed.name).toBe('Platform');
    await h.admin.groups.deleteGroupById(group.id);
    await expect(h.admin.groups.getGroupById(group.id)).rejects.toMatchObject(status(404));
  });

  it('lets only the admin manage groups', async () => {
    const user = await appUser('Plain');
    await expect(h.asUser(user.id).groups.createGroup({ name: 'Mine' })).rejects.toMatchObject(status(403));
  });
});

describe('group memberships', () => {
  it('adds, lists and removes members; a second membership of the same user is a 409', async () => {
    const group = await h.admin.groups.createGroup({ name: 'Sales' });
    const ann = await appUser('Ann');
    const ben = await appUser('Ben');
    const annIn = await h.admin.memberships.createGroupMembership({ user: { id: ann.id }, group: { id: group.id } });
    expect(annIn).toMatchObject({ type: 'group_membership', role: 'member', user: { id: ann.id } });
    await h.admin.memberships.createGroupMembership({ user: { id: ben.id }, group: { id: group.id }, role: 'admin' });
    await expect(
      h.admin.memberships.createGroupMembership({ user: { id: ann.id }, group: { id: group.id } }),
    ).rejects.toMatchObject(status(409));
    const members = await h.admin.memberships.getGroupMemberships(group.id);
    expect(members.totalCount).toBe(2);
    expect(members.entries?.map((m) => m.user?.id).sort()).toEqual([ann.id, ben.id].sort());
    expect((await h.asUser(ann.id).memberships.getUserMemberships(ann.id)).entries?.map((m) => m.group?.id)).toEqual([
      group.id,
    ]);
    await h.admin.memberships.deleteGroupMembershipById(annIn.id ?? '');
    expect((await h.admin.memberships.getGroupMemberships(group.id)).totalCount).toBe(1);
    await expect(h.admin.memberships.getGroupMembershipById(annIn.id ?? '')).rejects.toMatchObject(status(404));
  });
});

describe('collaborations', () => {
  it('gives group members the role of a group collaboration on a folder and all inside it', async () => {
    const owner = await appUser('Owner');
    const member = await appUser('Member');
    const outsider = await appUser('Outsider');
    const group = await h.admin.groups.createGroup({ name: 'Readers' });
    const membership = await h.admin.memberships.createGroupMembership({
      user: { id: member.id },
      group: { id: group.id },
    });
    const shared = await h.asUser(owner.id).folders.createFolder({ name: 'Shared', parent: { id: '0' } });
    const file = await h.emulator.controls.createFile({
      ownerId: owner.id,
      parentId: shared.id,
      name: 'n.txt',
      text: 'x',
    });
    await expect(h.asUser(member.id).folders.getFolderById(shared.id)).rejects.toMatchObject(status(404));

    const collab = await h.asUser(owner.id).userCollaborations.createCollaboration({
      item: { type: 'folder', id: shared.id },
      accessibleBy: { type: 'group', id: group.id },
      role: 'viewer',
    });
    expect(collab).toMatchObject({ type: 'collaboration', role: 'viewer', accessibleBy: { id: group.id } });
    expect((await h.asUser(member.id).folders.getFolderItems(shared.id)).entries?.map((e) => e.id)).toEqual([file.id]);
    expect((await h.asUser(member.id).files.getFileById(file.id)).name).toBe('n.txt');
    await expect(h.asUser(outsider.id).files.getFileById(file.id)).rejects.toMatchObject(status(404));
    // A viewer reads but does not write (Box guide "Collaboration roles").
    await expect(
      h.asUser(member.id).folders.createFolder({ name: 'nope', parent: { id: shared.id } }),
    ).rejects.toMatchObject(status(403, 'access_denied_insufficient_permissions'));
    const listed = await h.asUser(owner.id).listCollaborations.getFolderCollaborations(shared.id);
    expect(listed.entries?.map((c) => c.id)).toEqual([collab.id]);
    expect((await h.admin.listCollaborations.getGroupCollaborations(group.id)).totalCount).toBe(1);

    const editor = await h.asUser(owner.id).userCollaborations.updateCollaborationById(collab.id, {
      requestBody: { role: 'editor' },
    });
    expect(editor?.role).toBe('editor');
    await h.asUser(member.id).folders.createFolder({ name: 'now allowed', parent: { id: shared.id } });

    await h.admin.memberships.deleteGroupMembershipById(membership.id ?? '');
    await expect(h.asUser(member.id).folders.getFolderById(shared.id)).rejects.toMatchObject(status(404));
  });

  // Codes from Box's "Common errors" guide: user_already_collaborator, collaborations_not_available_on_root_folder.
  it('collaborates single users, refuses duplicates and the root folder, and removes a collaboration', async () => {
    const owner = await appUser('Owner 2');
    const friend = await appUser('Friend');
    const doc = await h.emulator.controls.createFile({ ownerId: owner.id, name: 'doc.txt', text: 'd' });
    const collab = await h.asUser(owner.id).userCollaborations.createCollaboration({
      item: { type: 'file', id: doc.id },
      accessibleBy: { type: 'user', id: friend.id },
      role: 'editor',
    });
    await expect(
      h.asUser(owner.id).userCollaborations.createCollaboration({
        item: { type: 'file', id: doc.id },
        accessibleBy: { type: 'user', id: friend.id },
        role: 'viewer',
      }),
    ).rejects.toMatchObject(status(400, 'user_already_collaborator'));
    await expect(
      h.asUser(owner.id).userCollaborations.createCollaboration({
        item: { type: 'folder', id: '0' },
        accessibleBy: { type: 'user', id: friend.id },
        role: 'viewer',
      }),
    ).rejects.toMatchObject(status(400, 'collaborations_not_available_on_root_folder'));
    expect((await h.asUser(friend.id).userCollaborations.getCollaborationById(collab.id)).role).toBe('editor');
    expect((await h.asUser(owner.id).listCollaborations.getFileCollaborations(doc.id)).entries).toHaveLength(1);
    await h.asUser(owner.id).userCollaborations.deleteCollaborationById(collab.id);
    await expect(h.asUser(friend.id).files.getFileById(doc.id)).rejects.toMatchObject(status(404));
  });
});
