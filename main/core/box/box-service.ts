import type {
  BoxFileInfo,
  BoxFolderInfo,
  BoxFolderPage,
  BoxItem,
  BoxSearchPage,
  BoxSortDirection,
  BoxSortKey,
} from '../../../common/box-items.ts';
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
import { readThumbnail, type ThumbnailOf, type ThumbnailOptions } from './box-thumbnails.ts';
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
