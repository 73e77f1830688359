import type SCIMMY from 'scimmy';
import type { SharedState } from '../shared-state/shared-state.ts';
import type { BoxGroups, DirectoryGroup } from './box-groups.ts';
import { ScimError } from './scim-errors.ts';

export interface GroupInput extends Record<string, unknown> {
  displayName: string;
  externalId?: string;
  members?: { value: string; display?: string }[];
}

export type ScimGroup = Record<string, unknown> & { id: string; displayName: string };

function toScim(group: DirectoryGroup): ScimGroup {
  return {
    id: group.id,
    displayName: group.name,
    ...(group.externalId === undefined ? {} : { externalId: group.externalId }),
    members: group.members.map((member) => ({ value: member.userId, display: member.name, type: 'User' })),
    meta: { resourceType: 'Group' },
  };
}

/** `displayName eq "X"` in any branch of the filter: Box can narrow the listing by that name. */
function displayNameOf(filter: SCIMMY.Types.Filter | undefined): string | undefined {
  for (const branch of (filter ?? []) as unknown as Record<string, unknown>[]) {
    for (const [name, comparison] of Object.entries(branch)) {
      if (name.toLowerCase() !== 'displayname' || !Array.isArray(comparison)) continue;
      const [operator, value] = comparison as unknown[];
      if (operator === 'eq' && typeof value === 'string') return value;
    }
  }
  return undefined;
}

/**
 * SCIM Groups as Box groups (resource id = Box group id, externalId = Box's external sync
 * identifier, members = group memberships). Stateless: Box holds all of it. Members must be
 * users SCIM provisioned, so a group can never pull in the service account or a stranger.
 */
export class ScimGroups {
  private readonly groups: BoxGroups;
  private readonly state: SharedState;

  constructor(groups: BoxGroups, state: SharedState) {
    this.groups = groups;
    this.state = state;
  }

  async read(resource: SCIMMY.Resources.Group): Promise<ScimGroup | ScimGroup[]> {
    if (resource.id !== undefined) {
      const group = await this.groups.get(resource.id);
      if (!group) throw new ScimError(404, `Group ${resource.id} not found`);
      return toScim(group);
    }
    const groups = (await this.groups.list(displayNameOf(resource.filter))).map(toScim);
    return resource.filter ? (resource.filter.match(groups) as ScimGroup[]) : groups;
  }

  async write(id: string | undefined, input: GroupInput): Promise<ScimGroup> {
    const wanted = new Set((input.members ?? []).map((member) => member.value));
    for (const userId of wanted) {
      if (!(await this.state.scimUsers.get(userId)))
        throw new ScimError(400, `member ${userId} is not a user provisioned over SCIM`, 'invalidValue');
    }
    let current: DirectoryGroup | undefined;
    if (id === undefined) {
      const created = await this.groups.create(input.displayName, input.externalId);
      current = { id: created, name: input.displayName, externalId: input.externalId, members: [] };
    } else {
      current = await this.groups.get(id);
      if (!current) throw new ScimError(404, `Group ${id} not found`);
      const changes = {
        ...(input.displayName === current.name ? {} : { name: input.displayName }),
        ...(input.externalId === undefined || input.externalId === current.externalId
          ? {}
          : { externalId: input.externalId }),
      };
      if (Object.keys(changes).length > 0) await this.groups.update(id, changes);
    }
    const present = new Set(current.members.map((member) => member.userId));
    for (const member of current.members)
      if (!wanted.has(member.userId)) await this.groups.removeMembership(member.membershipId);
    for (const userId of wanted) if (!present.has(userId)) await this.groups.addMember(current.id, userId);
    const result = await this.groups.get(current.id);
    if (!result) throw new ScimError(404, `Group ${current.id} not found`);
    return toScim(result);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.groups.get(id))) throw new ScimError(404, `Group ${id} not found`);
    await this.groups.delete(id);
  }
}
