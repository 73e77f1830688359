import SCIMMY from 'scimmy';
import { carry } from './scim-errors.ts';
import type { GroupInput, ScimGroups } from './scim-groups.ts';
import type { ScimUsers, UserInput } from './scim-users.ts';

/** What scimmy's handlers reach through their `ctx`: this backend's services (scimmy's declarations are process-wide). */
export interface ScimContext {
  users: ScimUsers;
  groups: ScimGroups;
}

export const scimBasePath = '/scim/v2';

let declared = false;

/**
 * Declares the SCIM resource types with scimmy once per process. scimmy validates requests
 * against RFC 7643's schemas, parses filters and applies PATCH operations; its handlers only
 * move data, and dispatch to the backend instance named in the request's context, so several
 * backends in one process (tests) keep apart.
 */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    patch: true,
    filter: { supported: true, maxResults: 200 },
    bulk: false,
    changePassword: false,
    sort: false,
    etag: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The secret set in SCIM_BEARER_TOKEN, sent as Authorization: Bearer',
      },
    ],
  });
  SCIMMY.Resources.User.basepath(scimBasePath);
  // Entra ID maps department, employee number and manager to the enterprise extension by default.
  SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .egress(async (resource: SCIMMY.Resources.User, ctx: ScimContext) => {
      try {
        return await ctx.users.read(resource);
      } catch (error) {
        return carry(error);
      }
    })
    .ingress(async (resource: SCIMMY.Resources.User, instance: SCIMMY.Schemas.User, ctx: ScimContext) => {
      try {
        // scimmy has validated and coerced the instance against the User schema; plain JSON drops its class.
        return await ctx.users.write(resource.id, JSON.parse(JSON.stringify(instance)) as UserInput);
      } catch (error) {
        return carry(error);
      }
    })
    .degress(async (resource: SCIMMY.Resources.User, ctx: ScimContext) => {
      try {
        await ctx.users.remove(resource.id!);
      } catch (error) {
        carry(error);
      }
    });
  SCIMMY.Resources.Group.basepath(scimBasePath);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .egress(async (resource: SCIMMY.Resources.Group, ctx: ScimContext) => {
      try {
        return await ctx.groups.read(resource);
      } catch (error) {
        return carry(error);
      }
    })
    .ingress(async (resource: SCIMMY.Resources.Group, instance: SCIMMY.Schemas.Group, ctx: ScimContext) => {
      try {
        return await ctx.groups.write(resource.id, JSON.parse(JSON.stringify(instance)) as GroupInput);
      } catch (error) {
        return carry(error);
      }
    })
    .degress(async (resource: SCIMMY.Resources.Group, ctx: ScimContext) => {
      try {
        await ctx.groups.remove(resource.id!);
      } catch (error) {
        carry(error);
      }
    });
}
