/**
 * `node inspect-upload-source.ts <path>`: prints what the upload check says about a path, as
 * JSON. The permission test runs it as an unprivileged user when the tests run as root, since
 * root may read any file.
 */
import { AppError } from '../../../../common/app-error.ts';
import { inspectUploadSource } from '../../../../main/core/transfers/upload-file.ts';

try {
  const source = await inspectUploadSource(process.argv[2] ?? '');
  console.log(JSON.stringify({ ok: true, size: source.size }));
} catch (error) {
  console.log(
    JSON.stringify(error instanceof AppError ? error.toInfo() : { code: 'unexpected', message: String(error) }),
  );
}
