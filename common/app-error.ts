import type { AppErrorInfo, ErrorCode } from './error-codes.ts';

/**
 * The one error class that crosses process boundaries (the oidc-provider model: an error
 * carries a code and a message that is safe to show). Anything else becomes `internal`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toInfo(): AppErrorInfo {
    return { code: this.code, message: this.message };
  }

  static fromInfo(info: AppErrorInfo): AppError {
    return new AppError(info.code, info.message);
  }
}
