import type {
  BoxFileInfo,
  BoxFolderInfo,
  BoxFolderPage,
  BoxItem,
  BoxSearchPage,
  BoxSortDirection,
  BoxSortKey,
} from '../../../common/box-items.ts';
import type {
  BoxFileVersion,
  BoxFileVersions,
  BoxSharedLink,
  BoxSharingState,
  BoxTrashPage,
  SharedLinkSettings,
} from '../../../common/box-file-operations.ts';
import { boxNameProblem } from '../../../common/box-name-rules.ts';
import { createBoxConnection, type BoxConnection, type BoxConnectionOptions } from '../box-client/box-connection.ts';
import { fromSdkError } from '../box-client/box-errors.ts';
import { appError } from '../errors/error-catalog.ts';
import {
  fileInfoFields,
  folderJsonSchema,
  folderPageSchema,
  listingFields,
  parseItem,
  pathOf,
  searchFields,
  searchPageSchema,
  toBoxItem,
  toFileInfo,
  toSearchResult,
} from './box-json.ts';
import {
  sharedLinkFields,
  sharingFields,
  sharingSchema,
  toSharedLink,
  toSharingState,
} from './box-shared-link-json.ts';
import { readThumbnail, type ThumbnailOf, type ThumbnailOptions } from './box-thumbnails.ts';
import { toTrashPage, trashFields, trashPageSchema } from './box-trash-json.ts';
import {
  currentVersionFields,
  currentVersionSchema,
  toCurrentVersion,
  toVersion,
  versionFields,
  versionSchema,
  versionsPageSchema,
} from './box-version-json.ts';
import { restoreError, sharedLinkError } from './file-operation-errors.ts';
import { folderSharedLinkBody, sharedLinkBody } from './shared-link-body.ts';
import { ThumbnailCache } from './thumbnail-cache.ts';

export interface BoxServiceOptions extends BoxConnectionOptions {
  /** Items per listing page; Box allows up to 1000, which keeps a 10,000-item folder to 10 calls. */
  pageSize?: number;
  thumbnailCacheBytes?: number;
  thumbnail?: Partial<ThumbnailOptions>;
}

export type ItemKind = 'file' | 'folder';

/**
 * The Box operations the file browser needs, as the signed-in user, in plain Node. Every
 * failure leaves here as an AppError with a message that says what happened and what to do.
 */
export class BoxService {
  readonly #connection: BoxConnection;
  readonly #pageSize: number;
  readonly #thumbnails: ThumbnailCache;
  readonly #thumbnailOptions: Partial<ThumbnailOptions>;
  readonly #thumbnailsInFlight = new Map<string, Promise<string | null>>();
  /** A folder's first page asked for before the renderer asks (listAhead), handed to its first listFolder. */
  #ahead: { folderId: string; page: Promise<BoxFolderPage | null>; until: number } | undefined;

  constructor(options: BoxServiceOptions) {
    this.#connection = createBoxConnection(options);
    this.#pageSize = options.pageSize ?? 1000;
    this.#thumbnails = new ThumbnailCache(options.thumbnailCacheBytes);
    this.#thumbnailOptions = options.thumbnail ?? {};
  }

  get thumbnailCache(): ThumbnailCache {
    return this.#thumbnails;
  }

  /**
   * Starts listing a folder's first page now, while the window is still loading: the renderer's
   * own first request for it (same folder, no marker, default order) then takes this answer
   * instead of waiting another Box round trip. Used once, within `maxAgeMs`; a failure here is
   * forgotten and the renderer's request asks Box itself, so what the user sees is unchanged.
   */
  listAhead(folderId: string, maxAgeMs = 10_000): void {
    const page = this.listFolder({ folderId }).catch(() => null);
    this.#ahead = { folderId, page, until: Date.now() + maxAgeMs };
  }

  async listFolder(request: {
    folderId: string;
    marker?: string | undefined;
    limit?: number | undefined;
    sort?: BoxSortKey | undefined;
    direction?: BoxSortDirection | undefined;
  }): Promise<BoxFolderPage> {
    const ahead = this.#takeAhead(request);
    if (ahead) {
      const page = await ahead;
      if (page) return page;
    }
    const page = await this.#call(() =>
      this.#connection.client.folders.getFolderItems(request.folderId, {
        queryParams: {
          fields: [...listingFields],
          usemarker: true,
          limit: request.limit ?? this.#pageSize,
          ...(request.marker !== undefined ? { marker: request.marker } : {}),
          ...(request.sort !== undefined ? { sort: request.sort } : {}),
          ...(request.direction !== undefined ? { direction: request.direction } : {}),
        },
      }),
    );
    const json = folderPageSchema.parse(page.rawData);
    return { items: json.entries.map(toBoxItem), nextMarker: json.next_marker || null };
  }

  #takeAhead(request: Parameters<BoxService['listFolder']>[0]): Promise<BoxFolderPage | null> | undefined {
    const ahead = this.#ahead;
    const plain = request.marker === undefined && request.limit === undefined && request.sort === undefined;
    if (!ahead || !plain || request.direction !== undefined || ahead.folderId !== request.folderId) return undefined;
    this.#ahead = undefined;
    return Date.now() < ahead.until ? ahead.page : undefined;
  }

  async getFolder(folderId: string): Promise<BoxFolderInfo> {
    const folder = await this.#call(() =>
      this.#connection.client.folders.getFolderById(folderId, {
        queryParams: { fields: ['id', 'name', 'path_collection'] },
      }),
    );
    const json = folderJsonSchema.parse(folder.rawData);
    return { id: json.id, name: json.id === '0' ? 'All Files' : (json.name ?? ''), path: pathOf(json) };
  }

  async search(request: {
    query: string;
    ancestorFolderId?: string | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  }): Promise<BoxSearchPage> {
    const page = await this.#call(() =>
      this.#connection.client.search.searchForContent({
        query: request.query,
        fields: [...searchFields],
        limit: request.limit ?? 100,
        offset: request.offset ?? 0,
        ...(request.ancestorFolderId !== undefined && request.ancestorFolderId !== '0'
          ? { ancestorFolderIds: [request.ancestorFolderId] }
          : {}),
      }),
    );
    const json = searchPageSchema.parse(page.rawData);
    return { results: json.entries.map(toSearchResult), totalCount: json.total_count ?? json.entries.length };
  }

  async createFolder(parentId: string, name: string): Promise<BoxItem> {
    checkName(name);
    const folder = await this.#call(
      () =>
        this.#connection.client.folders.createFolder(
          { name, parent: { id: parentId } },
          { queryParams: { fields: [...listingFields] } },
        ),
      { name },
    );
    return parseItem(folder.rawData);
  }

  async rename(itemId: string, kind: ItemKind, name: string): Promise<BoxItem> {
    checkName(name);
    return this.#update(itemId, kind, { name }, { name });
  }

  async move(itemId: string, kind: ItemKind, parentId: string): Promise<BoxItem> {
    return this.#update(itemId, kind, { parent: { id: parentId } }, {});
  }

  /** Folders go with everything in them (the renderer has asked the user); Box keeps them in the trash. */
  async delete(itemId: string, kind: ItemKind): Promise<void> {
    await this.#call(() =>
      kind === 'folder'
        ? this.#connection.client.folders.deleteFolderById(itemId, { queryParams: { recursive: true } })
        : this.#connection.client.files.deleteFileById(itemId),
    );
    this.#thumbnails.delete(itemId);
  }

  /** Box's own copy (a folder with everything in it); `name` gives the copy another name than the original's. */
  async copy(itemId: string, kind: ItemKind, parentId: string, name?: string): Promise<BoxItem> {
    const body = { parent: { id: parentId }, ...(name === undefined ? {} : { name }) };
    const options = { queryParams: { fields: [...listingFields] } };
    const copied = await this.#call<{ rawData?: unknown }>(
      () =>
        kind === 'folder'
          ? this.#connection.client.folders.copyFolder(itemId, body, options)
          : this.#connection.client.files.copyFile(itemId, body, options),
      { name: name ?? '' },
    );
    return parseItem(copied.rawData);
  }

  /** Takes an item the user trashed back to the folder it was deleted from (the undo of `delete`). */
  async restoreFromTrash(itemId: string, kind: ItemKind): Promise<void> {
    await this.#call<unknown>(() =>
      kind === 'folder'
        ? this.#connection.client.trashedFolders.restoreFolderFromTrash(itemId)
        : this.#connection.client.trashedFiles.restoreFileFromTrash(itemId),
    );
  }

  async getFileInfo(fileId: string): Promise<BoxFileInfo> {
    const file = await this.#call(() =>
      this.#connection.client.files.getFileById(fileId, { queryParams: { fields: [...fileInfoFields] } }),
    );
    return toFileInfo(file.rawData);
  }

  /**
   * A thumbnail as a data: URL (an image's PNG, a document's first page as JPEG), or null when Box
   * has none; concurrent asks share one call. The cache is this user's (the service is dropped at
   * sign-out) and bounded by bytes.
   */
  async getThumbnail(fileId: string, of: ThumbnailOf = 'image'): Promise<string | null> {
    const cached = this.#thumbnails.get(fileId);
    if (cached !== undefined) return cached;
    const pending = this.#thumbnailsInFlight.get(fileId);
    if (pending) return pending;
    const request = this.#call(() => readThumbnail(this.#connection, fileId, this.#thumbnailOptions, of))
      .then((dataUrl) => {
        this.#thumbnails.set(fileId, dataUrl);
        return dataUrl;
      })
      .finally(() => this.#thumbnailsInFlight.delete(fileId));
    this.#thumbnailsInFlight.set(fileId, request);
    return request;
  }

  /** One page of what the user moved to the trash, by Box's order (offset paging). */
  async listTrash(request: { offset?: number | undefined; limit?: number | undefined } = {}): Promise<BoxTrashPage> {
    const page = await this.#call(() =>
      this.#connection.client.trashedItems.getTrashedItems({
        fields: [...trashFields],
        limit: request.limit ?? this.#pageSize,
        offset: request.offset ?? 0,
      }),
    );
    return toTrashPage(trashPageSchema.parse(page.rawData));
  }

  /**
   * Puts a trashed item back where it was, or into `parentId` when given, under `newName` when
   * given (its old name is taken there: Box answers `item_name_in_use`, and the user picks another).
   * When its folder is gone Box refuses without a parent: that is `box_restore_needs_folder`, and
   * the user picks one.
   */
  async restore(itemId: string, kind: ItemKind, parentId?: string, newName?: string): Promise<BoxItem> {
    if (newName !== undefined) checkName(newName);
    // No `fields`: the SDK reads the answer as Box's full TrashFileRestored and refuses a partial one.
    const options = {
      requestBody: {
        ...(parentId === undefined ? {} : { parent: { id: parentId } }),
        ...(newName === undefined ? {} : { name: newName }),
      },
    };
    try {
      const restored =
        kind === 'folder'
          ? await this.#connection.client.trashedFolders.restoreFolderFromTrash(itemId, options)
          : await this.#connection.client.trashedFiles.restoreFileFromTrash(itemId, options);
      return parseItem(restored.rawData);
    } catch (error) {
      throw restoreError(error, newName, parentId !== undefined);
    }
  }

  /** Deletes a trashed item for good (the renderer has asked the user). */
  async purge(itemId: string, kind: ItemKind): Promise<void> {
    await this.#call(() =>
      kind === 'folder'
        ? this.#connection.client.trashedFolders.deleteTrashedFolderById(itemId)
        : this.#connection.client.trashedFiles.deleteTrashedFileById(itemId),
    );
  }

  /** The file's current version and every earlier one, newest first. */
  async listVersions(fileId: string): Promise<BoxFileVersions> {
    const [file, page] = await Promise.all([
      this.#call(() =>
        this.#connection.client.files.getFileById(fileId, { queryParams: { fields: currentVersionFields } }),
      ),
      this.#call(() =>
        this.#connection.client.fileVersions.getFileVersions(fileId, { queryParams: { fields: [...versionFields] } }),
      ),
    ]);
    return {
      current: toCurrentVersion(currentVersionSchema.parse(file.rawData)),
      previous: versionsPageSchema.parse(page.rawData).entries.map(toVersion),
    };
  }

  /** Makes an earlier version current: Box copies it as a new version on top, so nothing is lost. */
  async promoteVersion(fileId: string, versionId: string): Promise<BoxFileVersion> {
    const promoted = await this.#call(() =>
      this.#connection.client.fileVersions.promoteFileVersion(fileId, {
        requestBody: { id: versionId, type: 'file_version' },
        queryParams: { fields: [...versionFields] },
      }),
    );
    return toVersion(versionSchema.parse(promoted.rawData));
  }

  /** The item's link, the access levels the enterprise allows for it, and whether the user may share it. */
  async getSharing(itemId: string, kind: ItemKind): Promise<BoxSharingState> {
    const options = { queryParams: { fields: [...sharingFields] } };
    const item = await this.#call<{ rawData?: unknown }>(() =>
      kind === 'folder'
        ? this.#connection.client.folders.getFolderById(itemId, options)
        : this.#connection.client.files.getFileById(itemId, options),
    );
    return toSharingState(sharingSchema.parse(item.rawData));
  }

  /** Creates the item's link or changes it (Box keeps one link per item, and its URL, across changes). */
  async setSharedLink(itemId: string, kind: ItemKind, settings: SharedLinkSettings): Promise<BoxSharedLink> {
    const fields = { fields: sharedLinkFields.join(',') };
    try {
      const item =
        kind === 'folder'
          ? await this.#connection.client.sharedLinksFolders.updateSharedLinkOnFolder(
              itemId,
              folderSharedLinkBody(settings),
              fields,
            )
          : await this.#connection.client.sharedLinksFiles.updateSharedLinkOnFile(
              itemId,
              sharedLinkBody(settings),
              fields,
            );
      const link = toSharedLink(sharingSchema.parse(item.rawData).shared_link);
      if (!link) throw appError('box_error', 'unexpected');
      return link;
    } catch (error) {
      throw sharedLinkError(error, undefined);
    }
  }

  async removeSharedLink(itemId: string, kind: ItemKind): Promise<void> {
    const fields = { fields: sharedLinkFields.join(',') };
    await this.#call<unknown>(() =>
      kind === 'folder'
        ? this.#connection.client.sharedLinksFolders.removeSharedLinkFromFolder(itemId, { sharedLink: null }, fields)
        : this.#connection.client.sharedLinksFiles.removeSharedLinkFromFile(itemId, { sharedLink: null }, fields),
    );
  }

  /** The link's URL only, for the clipboard (main copies it, so the page never chooses what is copied). */
  async sharedLinkUrl(itemId: string, kind: ItemKind): Promise<string | null> {
    return (await this.getSharing(itemId, kind)).link?.url ?? null;
  }

  async #update(
    itemId: string,
    kind: ItemKind,
    body: { name?: string; parent?: { id: string } },
    context: { name?: string },
  ): Promise<BoxItem> {
    const options = { requestBody: body, queryParams: { fields: [...listingFields] } };
    const item = await this.#call<{ rawData?: unknown }>(
      () =>
        kind === 'folder'
          ? this.#connection.client.folders.updateFolderById(itemId, options)
          : this.#connection.client.files.updateFileById(itemId, options),
      context,
    );
    return parseItem(item.rawData);
  }

  /** `context.name`: the name the user typed, for name clashes and invalid names. */
  async #call<T>(operation: () => Promise<T>, context: { name?: string } = {}): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw fromSdkError(error, context.name);
    }
  }
}

function checkName(name: string): void {
  const problem = boxNameProblem(name);
  if (problem !== null) throw appError('box_item_name_invalid', 'rule', { text: problem });
}
