import type SCIMMY from 'scimmy';
import { linkedExternalId, type ExternalIdFormat } from '../provisioner.ts';
import type { ScimUserRecord } from '../shared-state/scim-user-store.ts';
import type { SharedState } from '../shared-state/shared-state.ts';
import { boxName, type BoxDirectory, type DirectoryUser } from './box-directory.ts';
import { ScimError } from './scim-errors.ts';
import { candidateRecords, matchUsers } from './user-filter.ts';
import { UserDeletion } from './user-deletion.ts';

export interface ScimUsersOptions {
  directory: BoxDirectory;
  state: SharedState;
  issuer: string;
  externalIdFormat: ExternalIdFormat;
  linkAttribute: 'externalId' | 'userName';
  retentionOwnerId: string | undefined;
}

/** The SCIM attributes we keep, as scimmy hands them to us after validating them against RFC 7643's User schema. */
export interface UserInput extends Record<string, unknown> {
  userName: string;
  externalId?: string;
  displayName?: string;
  name?: Record<string, string>;
  active?: boolean;
}

/** Not kept: ours to set (id, meta, schemas), read-only (groups), or never stored (password). */
const notKept = new Set(['id', 'meta', 'schemas', 'groups', 'password', 'userName', 'externalId', 'active']);

export type ScimUser = Record<string, unknown> & { id: string; userName: string };

function toScim(record: ScimUserRecord, active: boolean): ScimUser {
  return {
    ...record.attributes,
    id: record.id,
    userName: record.userName,
    ...(record.externalId === undefined ? {} : { externalId: record.externalId }),
    active,
    meta: { resourceType: 'User', created: record.created, lastModified: record.lastModified },
  };
}

/** Box's display name: SCIM's displayName, else the formatted or given and family name, else userName. */
function displayNameOf(input: UserInput): string {
  const fromParts = [input.name?.['givenName'], input.name?.['familyName']].filter(Boolean).join(' ');
  const name = [input.displayName, input.name?.['formatted'], fromParts, input.userName].find((value) => value?.trim());
  return name ?? input.userName;
}

/**
 * SCIM Users over Box App Users: the resource id is the Box user id, Box holds the name and
 * the status, the shared store holds the attributes Box has no field for. Only users that came
 * through SCIM (created or adopted) are visible here, so SCIM can never touch the service
 * account or other Box users.
 */
export class ScimUsers {
  private readonly options: ScimUsersOptions;
  private readonly deletion: UserDeletion;

  constructor(options: ScimUsersOptions) {
    this.options = options;
    this.deletion = new UserDeletion(options);
  }

  /** The `external_app_user_id` the sign-in path computes for the same person. */
  externalIdOf(input: Pick<UserInput, 'userName' | 'externalId'>): string {
    const value = this.options.linkAttribute === 'externalId' ? input.externalId : input.userName;
    if (value === undefined || value === '')
      throw new ScimError(
        400,
        `${this.options.linkAttribute} is required: it links the user to their sign-in`,
        'invalidValue',
      );
    return linkedExternalId(this.options.issuer, value, this.options.externalIdFormat);
  }

  async read(resource: SCIMMY.Resources.User): Promise<ScimUser | ScimUser[]> {
    const { state, directory } = this.options;
    if (resource.id !== undefined) {
      const record = await state.scimUsers.get(resource.id);
      const box = record && (await directory.getUser(record.id));
      if (!record || !box) throw new ScimError(404, `User ${resource.id} not found`);
      return toScim(record, box.active);
    }
    // Lists use the stored `active`, which every change here keeps in step with Box: one Box call per listed user would not scale.
    const records = await candidateRecords(state.scimUsers, resource.filter);
    const users = records.map((record) => toScim(record, record.active));
    return resource.filter ? matchUsers(users, resource.filter) : users;
  }

  async write(id: string | undefined, input: UserInput): Promise<ScimUser> {
    return id === undefined ? this.create(input) : this.replace(id, input);
  }

  remove(id: string): Promise<void> {
    return this.deletion.delete(id);
  }

  private async create(input: UserInput): Promise<ScimUser> {
    const { state, directory } = this.options;
    const externalId = this.externalIdOf(input);
    const active = input.active ?? true;
    if (await state.scimUsers.findByUserName(input.userName))
      throw new ScimError(409, 'userName is already taken', 'uniqueness');
    // Signed in before SCIM pushed them: adopt that Box user instead of creating a second one.
    let box = await directory.findByExternalId(externalId);
    if (box && (await state.scimUsers.get(box.id)))
      throw new ScimError(409, `${this.options.linkAttribute} is already provisioned`, 'uniqueness');
    if (!active) await state.setDisabled(externalId, true);
    if (box) box = await this.syncBox(box, { name: displayNameOf(input), active });
    else box = await directory.createAppUser(displayNameOf(input), externalId, active);
    const now = new Date().toISOString();
    const record = this.recordOf(box.id, input, active, now, now);
    await state.scimUsers.put(record);
    // A rehire: the identity deactivated or deleted before may sign in again.
    if (active) await state.setDisabled(externalId, false);
    return toScim(record, active);
  }

  private async replace(id: string, input: UserInput): Promise<ScimUser> {
    const { state, directory } = this.options;
    const previous = await state.scimUsers.get(id);
    const box = previous && (await directory.getUser(id));
    if (!previous || !box) throw new ScimError(404, `User ${id} not found`);
    const externalId = this.externalIdOf(input);
    const active = input.active ?? box.active;
    const holder = await state.scimUsers.findByUserName(input.userName);
    if (holder && holder.id !== id) throw new ScimError(409, 'userName is already taken', 'uniqueness');
    // Deactivation is recorded in the shared store first: every replica refuses from that moment on.
    if (!active) await state.setDisabled(externalId, true);
    await this.syncBox(box, { name: displayNameOf(input), active, externalAppUserId: externalId });
    const record = this.recordOf(id, input, active, previous.created, new Date().toISOString());
    record.contentTransferredTo = previous.contentTransferredTo;
    await state.scimUsers.put(record);
    if (active) await state.setDisabled(externalId, false);
    if (box.externalAppUserId !== undefined && box.externalAppUserId !== externalId) {
      await state.setDisabled(box.externalAppUserId, false);
      await state.invalidateUser(box.externalAppUserId);
    }
    return toScim(record, active);
  }

  /** Sends Box only what changed, so a repeated PUT or PATCH (IdPs retry) costs no Box write. */
  private async syncBox(
    box: DirectoryUser,
    wanted: { name: string; active: boolean; externalAppUserId?: string },
  ): Promise<DirectoryUser> {
    const changes = {
      ...(boxName(wanted.name) === box.name ? {} : { name: wanted.name }),
      ...(wanted.active === box.active ? {} : { active: wanted.active }),
      ...(wanted.externalAppUserId === undefined || wanted.externalAppUserId === box.externalAppUserId
        ? {}
        : { externalAppUserId: wanted.externalAppUserId }),
    };
    if (Object.keys(changes).length === 0) return box;
    return this.options.directory.updateUser(box.id, changes);
  }

  private recordOf(
    id: string,
    input: UserInput,
    active: boolean,
    created: string,
    lastModified: string,
  ): ScimUserRecord {
    const attributes = Object.fromEntries(Object.entries(input).filter(([name]) => !notKept.has(name)));
    return { id, userName: input.userName, externalId: input.externalId, active, attributes, created, lastModified };
  }
}
