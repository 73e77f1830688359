import { extname } from 'node:path';

/**
 * Extensions the OS runs rather than shows when "opened": programs, scripts, installers and
 * shortcuts on Windows, macOS and Linux. A file from Box with one of these is never launched by
 * "open when done" (anyone who can share a file with the user could pick its name); the app
 * shows it in its folder instead, and the person decides.
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
