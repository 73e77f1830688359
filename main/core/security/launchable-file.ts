import { extname } from 'node:path';

/**
 * Extensions the OS runs rather than shows when "opened": programs, scripts, installers,
 * shortcuts, disk images and macro-enabled Office documents on Windows, macOS and Linux. A file from Box with one of these is
 * never launched by the app (anyone who can share a file with the user could pick its name, and
 * files the app writes carry no "downloaded from the internet" mark for SmartScreen or
 * Gatekeeper to act on); the app shows it in its folder instead, and the person decides.
 */
const launchableExtensions = new Set([
  // Windows
  '.exe',
  '.com',
  '.bat',
  '.cmd',
  '.msi',
  '.msp',
  '.msix',
  '.appx',
  '.scr',
  '.pif',
  '.cpl',
  '.lnk',
  '.url',
  '.hta',
  '.ps1',
  '.psm1',
  '.vbs',
  '.vbe',
  '.js',
  '.jse',
  '.wsf',
  '.wsh',
  '.reg',
  '.inf',
  '.jar',
  '.application',
  '.appref-ms',
  '.msc',
  '.scf',
  '.chm',
  '.vb',
  '.ws',
  '.wsc',
  '.sct',
  '.pyw',
  '.xll',
  '.library-ms',
  '.settingcontent-ms',
  '.iso',
  '.img',
  '.vhd',
  '.vhdx',
  '.one',
  '.diagcab',
  '.searchconnector-ms',
  '.theme',
  '.themepack',
  '.website',
  '.xbap',
  '.jnlp',
  '.psc1',
  '.msh',
  '.gadget',
  '.ade',
  '.adp',
  '.mde',
  // Office documents with macros: without the internet mark, Office would not hold their macros back
  '.docm',
  '.dotm',
  '.xlsm',
  '.xltm',
  '.xlam',
  '.pptm',
  '.potm',
  '.ppsm',
  '.ppam',
  '.sldm',
  // macOS
  '.app',
  '.command',
  '.tool',
  '.pkg',
  '.mpkg',
  '.workflow',
  '.terminal',
  '.scpt',
  '.applescript',
  '.webloc',
  '.inetloc',
  '.fileloc',
  '.dmg',
  // Linux
  '.desktop',
  '.sh',
  '.bash',
  '.run',
  '.appimage',
  '.deb',
  '.rpm',
  '.py',
  '.pl',
]);

export function isLaunchableFile(path: string): boolean {
  return launchableExtensions.has(extname(path).toLowerCase());
}

export type FileOpener = (path: string) => Promise<void>;

/**
 * The only door to the OS's "open this file" function, as `createSafeOpenExternal` is for URLs:
 * documents open in their default app, anything the OS would run is shown in its folder (or, with
 * no way to show it, left alone).
 */
export function createSafeOpenFile(open: FileOpener, reveal?: (path: string) => void): FileOpener {
  return async (path) => {
    if (!isLaunchableFile(path)) return open(path);
    reveal?.(path);
  };
}
