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

const conflict = { responseInfo: { statusCode: 409 } };

describe('users', () => {
  it('creates app users, finds them by external_app_user_id, and refuses a duplicate external id', async () => {
    const created = await h.admin.users.createUser({
      name: 'Alice',
      isPlatformAccessOnly: true,
      externalAppUserId: 'https://idp.example|alice',
    });
    expect(created.login).toMatch(/@boxdevedition\.com$/);
    expect(created.isPlatformAccessOnly).toBe(true);
    const found = await h.admin.users.getUsers({ externalAppUserId: 'https://idp.example|alice' });
    expect(found.entries?.map((u) => u.id)).toEqual([created.id]);
    await expect(
      h.admin.users.createUser({
        name: 'Alice 2',
        isPlatformAccessOnly: true,
        externalAppUserId: 'https://idp.example|alice',
      }),
    ).rejects.toMatchObject(conflict);
  });

  it('creates managed users with a login and refuses a taken login', async () => {
    const managed = await h.admin.users.createUser({ name: 'Bob', login: 'bob@example.com' });
    expect(managed.login).toBe('bob@example.com');
    await expect(h.admin.users.createUser({ name: 'Bob', login: 'BOB@example.com' })).rejects.toMatchObject(conflict);
    await expect(h.admin.users.createUser({ name: 'No login' })).rejects.toMatchObject({
      responseInfo: { statusCode: 400 },
    });
  });

  it('filters by filter_term and user_type and pages with offset', async () => {
    for (const name of ['Zed One', 'Zed Two', 'Zed Three']) {
      await h.admin.users.createUser({ name, isPlatformAccessOnly: true });
    }
    const zeds = await h.admin.users.getUsers({ filterTerm: 'zed' });
    expect(zeds.totalCount).toBe(3);
    const page = await h.admin.users.getUsers({ filterTerm: 'zed', limit: 2, offset: 2 });
    expect(page.entries).toHaveLength(1);
    const managed = await h.admin.users.getUsers({ userType: 'managed' });
    expect(managed.entries?.every((u) => u.isPlatformAccessOnly === false)).toBe(true);
  });

  it('gives each user an empty root folder 0 of their own and answers /users/me as them', async () => {
    const a = await h.admin.users.createUser({ name: 'A', isPlatformAccessOnly: true });
    const b = await h.admin.users.createUser({ name: 'B', isPlatformAccessOnly: true });
    await h.asUser(a.id).folders.createFolder({ name: 'only-a', parent: { id: '0' } });
    expect((await h.asUser(a.id).folders.getFolderItems('0')).totalCount).toBe(1);
    expect((await h.asUser(b.id).folders.getFolderItems('0')).totalCount).toBe(0);
    expect((await h.asUser(b.id).users.getUserMe()).name).toBe('B');
  });

  it('reads one user by id and pages the user list with markers', async () => {
    const user = await h.admin.users.createUser({ name: 'Marker Person', isPlatformAccessOnly: true });
    expect((await h.admin.users.getUserById(user.id)).name).toBe('Marker Person');
    expect((await h.asUser(user.id).users.getUserById(user.id)).id).toBe(user.id);
    await expect(h.admin.users.getUserById('424242')).rejects.toMatchObject({ responseInfo: { statusCode: 404 } });
    const all = (await h.admin.users.getUsers({ limit: 1000 })).entries?.length ?? 0;
    let marker: string | undefined;
    let seen = 0;
    do {
      const page = await h.admin.users.getUsers({ usemarker: true, limit: 2, ...(marker ? { marker } : {}) });
      seen += page.entries?.length ?? 0;
      marker = page.nextMarker ?? undefined;
    } while (marker);
    expect(seen).toBe(all);
  });

  it('lets only a full enterprise token manage users', async () => {
    const user = await h.admin.users.createUser({ name: 'C', isPlatformAccessOnly: true });
    await expect(h.asUser(user.id).users.getUsers()).rejects.toMatchObject({ responseInfo: { statusCode: 403 } });
  });
});
