/**
 * `node inspect-upload-source.ts <path>` (started as root): prints what the upload check says
 * about a path, as JSON, checked as the unprivileged user "nobody", since root may read any file.
 * The modules are loaded first, as root, and only then are the privileges dropped: the project's
 * checkout may sit in a folder that "nobody" cannot enter (a CI clone under a 0700 temp folder).
 */
import { AppError } from '../../../../common/app-error.ts';
import { inspectUploadSource } from '../../../../main/core/transfers/upload-file.ts';

process.setgroups?.([]);
process.setgid?.(65534);
process.setuid?.(65534);

try {
  const source = await inspectUploadSource(process.argv[2] ?? '');
  console.log(JSON.stringify({ ok: true, size: source.size }));
} catch (error) {
  console.log(
    JSON.stringify(error instanceof AppError ? error.toInfo() : { code: 'unexpected', message: String(error) }),
  );
}
