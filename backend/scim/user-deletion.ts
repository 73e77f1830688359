import type { ScimUserRecord } from '../shared-state/scim-user-store.ts';
import type { SharedState } from '../shared-state/shared-state.ts';
import type { BoxDirectory } from './box-directory.ts';
import { ScimError, toScimError } from './scim-errors.ts';

/** Box's transfer call is synchronous and slow for large accounts: a delete holds its claim this long at most. */
const deleteClaimSeconds = 15 * 60;

/**
 * Box's deprovisioning, "transfer, then delete": the user is deactivated (every replica
 * refuses their token requests from then on), their content moves to the retention owner,
 * and only then is the user deleted, without `force`. A transfer that fails leaves the user
 * inactive with their content; a repeated DELETE never transfers twice (the record says the
 * transfer happened) and two at once cannot run together (a shared claim).
 */
export class UserDeletion {
  private readonly directory: BoxDirectory;
  private readonly state: SharedState;
  private readonly retentionOwnerId: string | undefined;

  constructor(options: { directory: BoxDirectory; state: SharedState; retentionOwnerId: string | undefined }) {
    this.directory = options.directory;
    this.state = options.state;
    this.retentionOwnerId = options.retentionOwnerId;
  }

  async delete(id: string): Promise<void> {
    const claim = `scim-delete:${id}`;
    if (!(await this.state.claimOnce(claim, deleteClaimSeconds)))
      throw new ScimError(409, `User ${id} is being deleted by another request; try again later`);
    try {
      await this.deleteClaimed(id);
    } finally {
      await this.state.release(claim).catch(() => undefined);
    }
  }

  private async deleteClaimed(id: string): Promise<void> {
    const record = await this.state.scimUsers.get(id);
    if (!record) throw new ScimError(404, `User ${id} not found`);
    const box = await this.directory.getUser(id);
    if (!box) {
      // Deleted in Box already (a DELETE that failed after Box's own delete, or an admin): only our record is left.
      await this.state.scimUsers.remove(id);
      return;
    }
    if (box.externalAppUserId !== undefined) await this.state.setDisabled(box.externalAppUserId, true);
    if (box.active) await this.directory.updateUser(id, { active: false });
    const inactive: ScimUserRecord = { ...record, active: false, lastModified: new Date().toISOString() };
    await this.state.scimUsers.put(inactive);
    if (inactive.contentTransferredTo === undefined) {
      const owner = this.retentionOwnerId ?? (await this.directory.serviceAccountId());
      let folderId: string;
      try {
        folderId = await this.directory.transferContent(id, owner);
      } catch (error) {
        const cause = toScimError(error);
        throw new ScimError(
          cause.status >= 500 ? cause.status : 500,
          `moving the user's content to the retention owner failed (${cause.message}); the user is inactive and was not deleted`,
          undefined,
          cause.retryAfterSeconds,
        );
      }
      await this.state.scimUsers.put({ ...inactive, contentTransferredTo: folderId });
    }
    await this.directory.deleteUser(id);
    await this.state.scimUsers.remove(id);
    // The identity stays disabled: its still-valid ID tokens must not create a new Box user.
    if (box.externalAppUserId !== undefined) await this.state.invalidateUser(box.externalAppUserId);
  }
}
