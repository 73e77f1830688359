/**
 * electron-updater's real updater (DebUpdater: generic provider, feed parsing, rollout hook,
 * download with sha512 verification, install on quit) running in plain Node. Only what needs
 * Electron or root is stood in for: the app (version, folders, quit), the HTTP transport that
 * Electron's `net` provides, and the installer, which records instead of running dpkg.
 */
import { writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';

/** electron-updater's InstallOptions, which its index does not export. */
export interface InstallRequest {
  isSilent: boolean;
  isForceRunAfter: boolean;
}

/** What electron-updater's ElectronHttpExecutor does over Electron's net, over Node's http. */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  /** builder-util-runtime's doDownload streams to the file through its sha512 DigestTransform. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          // Called with undefined on success, despite its type.
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }

  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }
}

export class TestUpdater extends DebUpdater {
  readonly installs: InstallRequest[] = [];
  private readonly quitHandlers: ((exitCode: number) => void)[];

  constructor(options: { version: string; folder: string }) {
    const quitHandlers: ((exitCode: number) => void)[] = [];
    super(null, {
      version: options.version,
      name: 'Box SSO Desktop',
      isPackaged: true,
      appUpdateConfigPath: path.join(options.folder, 'app-update.yml'),
      userDataPath: path.join(options.folder, 'user-data'),
      baseCachePath: path.join(options.folder, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: (handler) => quitHandlers.push(handler),
    });
    this.quitHandlers = quitHandlers;
    // What electron-builder writes into resources/ from electron-builder.yml's `publish`.
    writeFileSync(
      path.join(options.folder, 'app-update.yml'),
      'provider: generic\nurl: https://updates.invalid/box-sso-desktop\nupdaterCacheDirName: box-sso-desktop-updater\n',
    );
    // Electron's net module in the app; Node's http here. Assigned because the base class
    // creates its executor only when it creates the Electron app adapter itself.
    Object.assign(this, { httpExecutor: new NodeHttpExecutor() });
  }

  /** The user quits the app: what electron-updater does on Electron's `quit` event. */
  quitApp(): void {
    for (const handler of this.quitHandlers) handler(0);
  }

  protected override doInstall(options: InstallRequest): boolean {
    this.installs.push(options);
    return true;
  }
}
