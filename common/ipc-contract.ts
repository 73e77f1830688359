/**
 * The IPC contract: every request/response channel and every main→renderer event,
 * with their types (the GitHub Desktop pattern). Preload exposes exactly these names;
 * main registers exactly one handler per request channel.
 */
import type { UiLanguage } from './languages.ts';
import type { BulkNameClashAnswer, BulkNameClashQuestion, BulkRequest, BulkSnapshot } from './bulk.ts';
import type { DesktopConfigState } from './desktop-config-schema.ts';
import type { AppErrorInfo } from './error-codes.ts';
import type {
  BoxFileInfo,
  BoxFolderInfo,
  BoxFolderPage,
  BoxItem,
  BoxSearchPage,
  BoxSortDirection,
  BoxSortKey,
} from './box-items.ts';
import type { EditSnapshot } from './editing.ts';
import type {
  BoxFileVersion,
  BoxFileVersions,
  BoxSharedLink,
  BoxSharingState,
  BoxTrashPage,
  SharedLinkSettings,
} from './box-file-operations.ts';
import type { PreviewDescriptor } from './preview.ts';
import type { SessionState } from './session-state.ts';
import type { SettingsOverview, StorageEntry, UserEditableSetting } from './settings-overview.ts';
import type { UpdateStatus } from './update-status.ts';
import type {
  DownloadRequest,
  DroppedUploadRequest,
  NameClashAnswer,
  NameClashQuestion,
  TransferProgress,
  TransferSnapshot,
  UploadRequest,
} from './transfers.ts';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** `sandbox` when running against the local stand-ins (npm start without configuration). */
  mode: 'sandbox' | 'company';
  /** The OS's preferred languages, most preferred first (Electron: app.getPreferredSystemLanguages()); empty where the shell cannot tell. */
  languages: string[];
}

/** Request channel → [request, response]. `void` requests take no argument. */
export interface RequestResponseChannels {
  'app:getInfo': [void, AppInfo];
  /** The language the window shows (the user's choice or the OS's), for the words main shows itself. */
  'app:setLanguage': [{ language: UiLanguage }, void];
  'session:get': [void, SessionState];
  /** Starts the browser sign-in (a pending one is replaced); resolves with the final state, also sent as session:changed. */
  'session:signIn': [void, SessionState];
  /** Closes the pending sign-in's loopback listener; back to signed-out. */
  'session:cancelSignIn': [void, SessionState];
  /** The pending sign-in's authorize URL, for "Copy sign-in link" when the browser did not open; null when none. */
  'session:getSignInLink': [void, string | null];
  /** Revokes and forgets the tokens; endSession also opens the identity provider's sign-out page. */
  'session:signOut': [{ endSession?: boolean }, SessionState];
  /** The effective desktop configuration and where each setting came from, or the configuration error. */
  'config:get': [void, DesktopConfigState];
  /** One page of a folder (marker paging); the renderer asks for the next page until nextMarker is null. */
  'box:listFolder': [
    { folderId: string; marker?: string; limit?: number; sort?: BoxSortKey; direction?: BoxSortDirection },
    BoxFolderPage,
  ];
  /** The folder's name and its ancestors, for breadcrumbs and the window title. */
  'box:getFolder': [{ folderId: string }, BoxFolderInfo];
  'box:search': [{ query: string; ancestorFolderId?: string; limit?: number; offset?: number }, BoxSearchPage];
  'box:createFolder': [{ parentId: string; name: string }, BoxItem];
  'box:rename': [{ itemId: string; itemType: 'file' | 'folder'; name: string }, BoxItem];
  'box:move': [{ itemId: string; itemType: 'file' | 'folder'; parentId: string }, BoxItem];
  /** Folders are deleted with their content; the renderer asks the user first. */
  'box:delete': [{ itemId: string; itemType: 'file' | 'folder' }, null];
  'box:getFileInfo': [{ fileId: string }, BoxFileInfo];
  /** A small image as a data: URL (the CSP allows data: images), or null when Box has none. */
  /** `of`: an image's own thumbnail (the default) or a document's first page. */
  'box:getThumbnail': [{ fileId: string; of?: 'image' | 'document' }, string | null];
  /** One page of the user's trash (offset paging); ask again with `offset` until every item is there. */
  'box:listTrash': [{ offset?: number }, BoxTrashPage];
  /** Back where it was, or into `parentId`; `box_restore_needs_folder` when its folder is gone and none was named. */
  'box:restore': [{ itemId: string; itemType: 'file' | 'folder'; parentId?: string; newName?: string }, BoxItem];
  /** Deletes a trashed item for good; the renderer asks the user first. */
  'box:purge': [{ itemId: string; itemType: 'file' | 'folder' }, null];
  'box:listVersions': [{ fileId: string }, BoxFileVersions];
  /** Makes an earlier version current (Box adds it as the newest version). */
  'box:promoteVersion': [{ fileId: string; versionId: string }, BoxFileVersion];
  'box:getSharing': [{ itemId: string; itemType: 'file' | 'folder' }, BoxSharingState];
  /** Creates or changes the item's shared link. */
  'box:setSharedLink': [{ itemId: string; itemType: 'file' | 'folder'; settings: SharedLinkSettings }, BoxSharedLink];
  'box:removeSharedLink': [{ itemId: string; itemType: 'file' | 'folder' }, null];
  /** Copies the item's own link (read from Box by main) to the clipboard: the page never chooses what is copied. */
  'box:copySharedLink': [{ itemId: string; itemType: 'file' | 'folder' }, void];
  /** How to show a file: its viewer and the app's own URL for its bytes, `pending` while Box converts it, or `none`. */
  'preview:open': [{ fileId: string; versionId?: string }, PreviewDescriptor];
  /** Downloads the file to the app's cache folder and opens it with the OS's app (read-only). */
  'preview:openInApp': [{ fileId: string }, void];
  /** "Open for editing": a working copy locked on Box (read-only when someone else holds the lock), opened in the OS's app. */
  'editing:open': [{ fileId: string }, EditSnapshot];
  /** The signed-in user's edits (the "Editing" list; sign-out asks first while one has a pending save). */
  'editing:list': [void, EditSnapshot[]];
  /** "Close" in the Editing list: unlocks on Box and removes the working copy; refused while a save is pending. */
  'editing:close': [{ fileId: string }, void];
  /** Every transfer of this run, oldest first. */
  'transfer:list': [void, TransferSnapshot[]];
  /** Asks where to save (one file: save dialog; several: folder dialog); [] when the user cancels it. */
  'transfer:download': [DownloadRequest, TransferSnapshot[]];
  /** Uploads dropped paths, or asks for files with the open dialog; [] when the user cancels it. */
  'transfer:upload': [UploadRequest, TransferSnapshot[]];
  /** Preload-only: see DroppedUploadRequest. */
  'transfer:uploadDropped': [DroppedUploadRequest, TransferSnapshot[]];
  /** Downloads an earlier version of a file, verified like any download; asks where to save. */
  'transfer:downloadVersion': [{ fileId: string; versionId: string; name: string }, TransferSnapshot[]];
  /**
   * Drag out to the desktop: main downloads the verified file into its own cache and starts the
   * OS's drag with it (Electron's startDrag); unavailable where the shell cannot drag.
   */
  'transfer:dragOut': [{ fileId: string; name: string }, void];
  'transfer:cancel': [{ id: string }, void];
  'transfer:retry': [{ id: string }, void];
  /** Drops finished, failed, cancelled and skipped transfers from the list. */
  'transfer:clearFinished': [void, void];
  'transfer:answerNameClash': [NameClashAnswer, void];
  /** Starts a bulk action on the selection; a download asks for the local folder first (null when cancelled). */
  'bulk:start': [BulkRequest, BulkSnapshot | null];
  /** A new run over exactly the items of that run that failed. */
  'bulk:retryFailed': [{ jobId: string }, BulkSnapshot];
  /** Restores from the trash what a delete run deleted ("Undo"). */
  'bulk:undoDelete': [{ jobId: string }, BulkSnapshot];
  'bulk:answerNameClash': [BulkNameClashAnswer, void];
  /** Stops a run: what has not started is listed as not done, and its retry runs it. */
  'bulk:stop': [{ jobId: string }, void];
  /** The updater's state: disabled (and why), up to date, waiting for a staged rollout, ready to install on quit. */
  'updates:getStatus': [void, UpdateStatus];
  /** "Check now": one check at once; resolves with the state after it. */
  'updates:checkNow': [void, UpdateStatus];
  /** Copies the redacted diagnostics report to the clipboard. */
  'diagnostics:copy': [void, void];
  /** Asks where to save the redacted diagnostics report and writes it: the path, or null when the user cancels. */
  'diagnostics:save': [void, string | null];
  /** The settings screen's network and storage sections. */
  'settings:getOverview': [void, SettingsOverview];
  /** Saves one of the user's own settings (null: back to the default); refused when a policy locks it. */
  'settings:setUserSetting': [{ key: UserEditableSetting; value: string | null }, SettingsOverview];
  'settings:clearStorage': [{ id: StorageEntry['id'] }, SettingsOverview];
}

/** Main → renderer events and their payloads. */
export interface EventChannels {
  'session:changed': SessionState;
  'transfer:progress': TransferProgress;
  'transfer:changed': TransferSnapshot;
  'transfer:nameClash': NameClashQuestion;
  /** A bulk run's progress (throttled) and its final report. */
  'bulk:changed': BulkSnapshot;
  'bulk:nameClash': BulkNameClashQuestion;
  /** The whole Editing list, whenever an edit opens, saves, waits, conflicts or closes. */
  'editing:changed': EditSnapshot[];
}

export type RequestChannel = keyof RequestResponseChannels;
export type EventChannel = keyof EventChannels;
export type RequestOf<C extends RequestChannel> = RequestResponseChannels[C][0];
export type ResponseOf<C extends RequestChannel> = RequestResponseChannels[C][1];

/** Runtime lists, checked against the maps above so that neither can drift. */
export const requestChannels = [
  'app:getInfo',
  'app:setLanguage',
  'session:get',
  'session:signIn',
  'session:cancelSignIn',
  'session:getSignInLink',
  'session:signOut',
  'config:get',
  'box:listFolder',
  'box:getFolder',
  'box:search',
  'box:createFolder',
  'box:rename',
  'box:move',
  'box:delete',
  'box:getFileInfo',
  'box:getThumbnail',
  'box:listTrash',
  'box:restore',
  'box:purge',
  'box:listVersions',
  'box:promoteVersion',
  'box:getSharing',
  'box:setSharedLink',
  'box:removeSharedLink',
  'box:copySharedLink',
  'preview:open',
  'preview:openInApp',
  'editing:open',
  'editing:list',
  'editing:close',
  'transfer:list',
  'transfer:download',
  'transfer:upload',
  'transfer:uploadDropped',
  'transfer:downloadVersion',
  'transfer:dragOut',
  'transfer:cancel',
  'transfer:retry',
  'transfer:clearFinished',
  'transfer:answerNameClash',
  'bulk:start',
  'bulk:retryFailed',
  'bulk:undoDelete',
  'bulk:answerNameClash',
  'bulk:stop',
  'updates:getStatus',
  'updates:checkNow',
  'diagnostics:copy',
  'diagnostics:save',
  'settings:getOverview',
  'settings:setUserSetting',
  'settings:clearStorage',
] as const satisfies readonly RequestChannel[];
/** Channels the preload itself sends and the page may not: their payloads must come from the preload. */
export const preloadOnlyChannels = ['transfer:uploadDropped'] as const satisfies readonly RequestChannel[];
export type PageRequestChannel = Exclude<RequestChannel, (typeof preloadOnlyChannels)[number]>;

export const eventChannels = [
  'session:changed',
  'transfer:progress',
  'transfer:changed',
  'transfer:nameClash',
  'bulk:changed',
  'bulk:nameClash',
  'editing:changed',
] as const satisfies readonly EventChannel[];

type Exhaustive<List extends readonly string[], Keys extends string> = Keys extends List[number] ? true : never;
export const requestChannelsAreExhaustive: Exhaustive<typeof requestChannels, RequestChannel> = true;
export const eventChannelsAreExhaustive: Exhaustive<typeof eventChannels, EventChannel> = true;

/**
 * What an invoke resolves to on the wire. Electron strips custom error properties when
 * a handler throws, so handlers never throw across the boundary: they return this.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };

/** The one global the preload puts on `window`. */
export interface BoxDesktopBridge {
  invoke<C extends PageRequestChannel>(
    channel: C,
    ...request: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<IpcResult<ResponseOf<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  /**
   * Uploads dropped files (DOM `File` objects) into a folder. The preload resolves their local
   * paths itself (Electron's `webUtils.getPathForFile`); files without one are left out, and an
   * empty result means the page should offer the open dialog instead.
   */
  uploadDroppedFiles(folderId: string, files: readonly unknown[]): Promise<IpcResult<TransferSnapshot[]>>;
}

export const bridgeGlobalName = 'boxDesktop';
