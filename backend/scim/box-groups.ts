import type { GroupFull } from 'box-node-sdk/schemas';
import type { BoxGateway } from '../box-gateway.ts';
import { BoxRejectedError } from '../http-errors.ts';

/** Box groups SCIM made carry this provenance; SCIM sees and changes only those. */
export const scimProvenance = 'box-sso-scim';

export interface DirectoryGroup {
  id: string;
  name: string;
  externalId: string | undefined;
  members: { membershipId: string; userId: string; name: string }[];
}

const groupFields = ['id', 'name', 'provenance', 'external_sync_identifier'];

/** Box lists at most 1,000 entries a page; a SCIM group larger than that would need paging here. */
const pageLimit = 1000;

function isOurs(group: GroupFull): boolean {
  return group.provenance === scimProvenance;
}

/** SCIM's group calls to Box as the service account: groups and their memberships. */
export class BoxGroups {
  private readonly gateway: BoxGateway;

  constructor(gateway: BoxGateway) {
    this.gateway = gateway;
  }

  async get(id: string): Promise<DirectoryGroup | undefined> {
    let group: GroupFull;
    try {
      group = await this.gateway.asServiceAccount((box) =>
        box.groups.getGroupById(id, { queryParams: { fields: groupFields } }),
      );
    } catch (error) {
      if (error instanceof BoxRejectedError && error.boxStatus === 404) return undefined;
      throw error;
    }
    return isOurs(group) ? this.withMembers(group) : undefined;
  }

  /** SCIM's groups, those whose name starts with `nameStart` when given (Box's filter_term is a prefix match). */
  async list(nameStart: string | undefined): Promise<DirectoryGroup[]> {
    const page = await this.gateway.asServiceAccount((box) =>
      box.groups.getGroups({ limit: pageLimit, fields: groupFields, ...(nameStart ? { filterTerm: nameStart } : {}) }),
    );
    return Promise.all((page.entries ?? []).filter(isOurs).map((group) => this.withMembers(group)));
  }

  async create(name: string, externalId: string | undefined): Promise<string> {
    const group = await this.gateway.asServiceAccount((box) =>
      box.groups.createGroup({
        name,
        provenance: scimProvenance,
        ...(externalId === undefined ? {} : { externalSyncIdentifier: externalId }),
      }),
    );
    return group.id;
  }

  async update(id: string, changes: { name?: string; externalId?: string }): Promise<void> {
    await this.gateway.asServiceAccount((box) =>
      box.groups.updateGroupById(id, {
        requestBody: {
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.externalId === undefined ? {} : { externalSyncIdentifier: changes.externalId }),
        },
      }),
    );
  }

  async delete(id: string): Promise<void> {
    await this.gateway.asServiceAccount((box) => box.groups.deleteGroupById(id));
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    await this.gateway.asServiceAccount((box) =>
      box.memberships.createGroupMembership({ user: { id: userId }, group: { id: groupId } }),
    );
  }

  async removeMembership(membershipId: string): Promise<void> {
    await this.gateway.asServiceAccount((box) => box.memberships.deleteGroupMembershipById(membershipId));
  }

  private async withMembers(group: GroupFull): Promise<DirectoryGroup> {
    const memberships = await this.gateway.asServiceAccount((box) =>
      box.memberships.getGroupMemberships(group.id, { queryParams: { limit: pageLimit } }),
    );
    return {
      id: group.id,
      name: group.name ?? '',
      externalId: group.externalSyncIdentifier || undefined,
      members: (memberships.entries ?? []).flatMap((membership) =>
        membership.user
          ? [{ membershipId: membership.id!, userId: membership.user.id, name: membership.user.name ?? '' }]
          : [],
      ),
    };
  }
}
