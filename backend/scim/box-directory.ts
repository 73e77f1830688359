import type { BoxClient } from 'box-node-sdk';
import type { UserFull } from 'box-node-sdk/schemas';
import type { BoxGateway } from '../box-gateway.ts';
import { BoxRejectedError } from '../http-errors.ts';

/** What SCIM needs to know of a Box user. */
export interface DirectoryUser {
  id: string;
  name: string;
  active: boolean;
  externalAppUserId: string | undefined;
}

const userFields = ['id', 'name', 'status', 'external_app_user_id'];

/** Box rejects user names longer than 50 characters. */
const boxNameLimit = 50;

export function boxName(name: string): string {
  return Array.from(name.trim()).slice(0, boxNameLimit).join('');
}

function toDirectoryUser(user: UserFull): DirectoryUser {
  return {
    id: user.id,
    name: user.name ?? '',
    active: user.status === undefined || String(user.status) === 'active',
    externalAppUserId: user.externalAppUserId,
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof BoxRejectedError && error.boxStatus === 404;
}

/** SCIM's Box calls, as the service account: users' status, content transfer, deletion. */
export class BoxDirectory {
  private readonly gateway: BoxGateway;
  private serviceAccount: Promise<string> | undefined;

  constructor(gateway: BoxGateway) {
    this.gateway = gateway;
  }

  private call<T>(work: (client: BoxClient) => Promise<T>): Promise<T> {
    return this.gateway.asServiceAccount(work);
  }

  async getUser(id: string): Promise<DirectoryUser | undefined> {
    try {
      return toDirectoryUser(
        await this.call((box) => box.users.getUserById(id, { queryParams: { fields: userFields } })),
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async findByExternalId(externalAppUserId: string): Promise<DirectoryUser | undefined> {
    const users = await this.call((box) => box.users.getUsers({ externalAppUserId, limit: 2, fields: userFields }));
    const match = users.entries?.find((user) => user.id !== undefined);
    return match && toDirectoryUser(match);
  }

  async createAppUser(name: string, externalAppUserId: string, active: boolean): Promise<DirectoryUser> {
    return toDirectoryUser(
      await this.call((box) =>
        box.users.createUser({
          name: boxName(name),
          isPlatformAccessOnly: true,
          externalAppUserId,
          status: active ? 'active' : 'inactive',
        }),
      ),
    );
  }

  async updateUser(
    id: string,
    changes: { name?: string; active?: boolean; externalAppUserId?: string },
  ): Promise<DirectoryUser> {
    return toDirectoryUser(
      await this.call((box) =>
        box.users.updateUserById(id, {
          requestBody: {
            ...(changes.name === undefined ? {} : { name: boxName(changes.name) }),
            ...(changes.active === undefined ? {} : { status: changes.active ? 'active' : 'inactive' }),
            ...(changes.externalAppUserId === undefined ? {} : { externalAppUserId: changes.externalAppUserId }),
          },
          queryParams: { fields: userFields },
        }),
      ),
    );
  }

  /** Box's "transfer owned content" (`PUT /users/{id}/folders/0`); returns the new folder in the owner's root. */
  async transferContent(id: string, ownerId: string): Promise<string> {
    const folder = await this.call((box) =>
      box.transfer.transferOwnedFolder(id, { ownedBy: { id: ownerId } }, { queryParams: { notify: false } }),
    );
    return folder.id;
  }

  /** Deletes without `force`: Box refuses while the user still owns content, so nothing is lost by mistake. */
  async deleteUser(id: string): Promise<void> {
    try {
      await this.call((box) => box.users.deleteUserById(id, { queryParams: { force: false, notify: false } }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  serviceAccountId(): Promise<string> {
    this.serviceAccount ??= this.call((box) => box.users.getUserMe({ fields: ['id'] })).then(
      (me) => me.id,
      (error: unknown) => {
        this.serviceAccount = undefined;
        throw error;
      },
    );
    return this.serviceAccount;
  }
}
