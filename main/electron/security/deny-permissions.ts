import type { Session } from 'electron';

/** A file browser needs no camera, microphone, geolocation, notifications or the like: every request is denied. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
