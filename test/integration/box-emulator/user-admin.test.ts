import { startConformanceHarness, tokenClient, type ConformanceHarness } from '../../support/box-emulator-harness.ts';

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

async function appUser(name: string) {
  return h.admin.users.createUser({ name, isPlatformAccessOnly: true });
}

describe('As-User', () => {
  it('lets the service account act as a user, on user and content routes', async () => {
    const user = await appUser('Acted Upon');
    const asUser = h.admin.withAsUserHeader(user.id);
    expect((await asUser.users.getUserMe()).id).toBe(user.id);
    const folder = await asUser.folders.createFolder({ name: 'made via as-user', parent: { id: '0' } });
    expect(folder.ownedBy?.id).toBe(user.id);
    const items = await h.asUser(user.id).folders.getFolderItems('0');
    expect(items.entries?.map((e) => e.id)).toEqual([folder.id]);
    // Acting as a user, the service account has that user's rights only: no user administration.
    await expect(asUser.users.getUsers()).rejects.toMatchObject(status(403));
  });

  it('refuses As-User from a user token, a downscoped token, and for an unknown user', async () => {
    const user = await appUser('Not An Admin');
    const other = await appUser('Other');
    await expect(h.asUser(user.id).withAsUserHeader(other.id).users.getUserMe()).rejects.toMatchObject(
      status(403, 'access_denied_insufficient_permissions'),
    );
    const { access_token } = await h.emulator.controls.issueToken({ scopes: ['root_readonly'] });
    await expect(
      tokenClient(h.emulator, access_token).withAsUserHeader(user.id).folders.getFolderItems('0'),
    ).rejects.toMatchObject(status(403, 'access_denied_insufficient_permissions'));
    await expect(h.admin.withAsUserHeader('987654321').users.getUserMe()).rejects.toMatchObject(status(403));
  });
});

describe('PUT /users/{id}', () => {
  it('updates name, status and external_app_user_id, and enforces the spec limits', async () => {
    const user = await appUser('Before');
    const updated = await h.admin.users.updateUserById(user.id, {
      requestBody: { name: 'After', externalAppUserId: 'idp|after', jobTitle: 'Engineer' },
    });
    expect(updated).toMatchObject({ name: 'After', externalAppUserId: 'idp|after', jobTitle: 'Engineer' });
    expect((await h.admin.users.getUsers({ externalAppUserId: 'idp|after' })).entries?.map((u) => u.id)).toEqual([
      user.id,
    ]);
    await expect(
      h.admin.users.updateUserById(user.id, { requestBody: { name: 'x'.repeat(51) } }),
    ).rejects.toMatchObject(status(400, 'bad_request'));
    await expect(h.admin.users.createUser({ name: 'y'.repeat(51), isPlatformAccessOnly: true })).rejects.toMatchObject(
      status(400),
    );
    await expect(
      h.admin.users.updateUserById(user.id, { requestBody: { phone: '1'.repeat(101) } }),
    ).rejects.toMatchObject(status(400));
    // Nothing of a refused update is kept.
    expect((await h.admin.users.getUserById(user.id)).name).toBe('After');
  });

  it('refuses an external_app_user_id another user holds, and lets only the admin update users', async () => {
    const a = await h.admin.users.createUser({ name: 'A', isPlatformAccessOnly: true, externalAppUserId: 'ext-a' });
    const b = await appUser('B');
    await expect(
      h.admin.users.updateUserById(b.id, { requestBody: { externalAppUserId: 'ext-a' } }),
    ).rejects.toMatchObject(status(409));
    await expect(h.asUser(a.id).users.updateUserById(a.id, { requestBody: { name: 'Me' } })).rejects.toMatchObject(
      status(403),
    );
  });

  it('refuses the tokens of a user made inactive, and their new sign-ins, until reactivated', async () => {
    const user = await appUser('Leaver');
    const client = h.asUser(user.id);
    await client.users.getUserMe();
    const { access_token } = await h.emulator.controls.issueToken({ userId: user.id });
    const inactive = await h.admin.users.updateUserById(user.id, { requestBody: { status: 'inactive' } });
    expect(inactive.status).toBe('inactive');
    // box-node-sdk meets the 401 by trying to refresh a developer token; the raw answer is Box's bare challenge.
    await expect(tokenClient(h.emulator, access_token).users.getUserMe()).rejects.toThrow(/expired/);
    const raw = await fetch(`${h.emulator.origin}/2.0/users/me`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('www-authenticate')).toContain('invalid_token');
    await expect(h.asUser(user.id).users.getUserMe()).rejects.toThrow(/inactive/);
    await h.admin.users.updateUserById(user.id, { requestBody: { status: 'active' } });
    expect((await h.asUser(user.id).users.getUserMe()).status).toBe('active');
  });
});

describe('DELETE /users/{id} and transferring owned content', () => {
  it('refuses to delete a user who owns content unless force is set (Box guide "Delete user")', async () => {
    const user = await appUser('Owner');
    await h.asUser(user.id).folders.createFolder({ name: 'keep me', parent: { id: '0' } });
    // box-node-sdk reads no body on a failed DELETE; the request log shows Box's error shape.
    await expect(h.admin.users.deleteUserById(user.id)).rejects.toMatchObject(status(400));
    const refused = (await h.emulator.controls.requests()).filter((r) => r.method === 'DELETE').at(-1);
    expect(refused?.responseBody).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'User has managed content',
    });
    expect((await h.admin.users.getUserById(user.id)).id).toBe(user.id);
    await h.admin.users.deleteUserById(user.id, { queryParams: { force: true } });
    await expect(h.admin.users.getUserById(user.id)).rejects.toMatchObject(status(404));
    const empty = await appUser('Empty');
    await h.admin.users.deleteUserById(empty.id);
    await expect(h.admin.users.getUserById(empty.id)).rejects.toMatchObject(status(404));
  });

  it('moves a user\'s root into "<login> - <name>\'s Files and Folders" (Box guide "Deprovision users")', async () => {
    const leaver = await appUser('Dana Leaver');
    const keeper = await appUser('Kim Keeper');
    const docs = await h.asUser(leaver.id).folders.createFolder({ name: 'Docs', parent: { id: '0' } });
    await h.emulator.controls.createFile({ ownerId: leaver.id, parentId: docs.id, name: 'a.txt', text: 'a' });
    const moved = await h.admin.transfer.transferOwnedFolder(leaver.id, { ownedBy: { id: keeper.id } });
    expect(moved.name).toBe(`${leaver.login} - Dana Leaver's Files and Folders`);
    expect(moved.ownedBy?.id).toBe(keeper.id);
    expect(moved.parent?.id).toBe('0');
    const inside = await h.asUser(keeper.id).folders.getFolderItems(moved.id);
    expect(inside.entries?.map((e) => e.name)).toEqual(['Docs']);
    expect((await h.asUser(keeper.id).folders.getFolderItems(docs.id)).entries?.map((e) => e.name)).toEqual(['a.txt']);
    expect((await h.asUser(leaver.id).folders.getFolderItems('0')).totalCount).toBe(0);
    // Nothing owned any more: the plain delete succeeds.
    await h.admin.users.deleteUserById(leaver.id);
    await expect(h.admin.transfer.transferOwnedFolder(keeper.id, { ownedBy: { id: '555555' } })).rejects.toMatchObject(
      status(404),
    );
  });
});

describe('fields on user routes', () => {
  it('answers exactly the requested fields plus type and id', async () => {
    const user = await h.admin.users.createUser({ name: 'Fields', isPlatformAccessOnly: true });
    const picked = await h.admin.users.getUserById(user.id, { queryParams: { fields: ['status', 'tracking_codes'] } });
    expect(Object.keys(picked.rawData ?? {}).sort()).toEqual(['id', 'status', 'tracking_codes', 'type']);
    const me = await h.asUser(user.id).users.getUserMe({ fields: ['role', 'is_sync_enabled'] });
    expect(me.role).toBe('user');
    expect(me.rawData).toMatchObject({ is_sync_enabled: false });
    expect(me.rawData).not.toHaveProperty('space_amount');
  });
});
