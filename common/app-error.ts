import type { AppErrorInfo, ErrorCode, ErrorParams } from './error-codes.ts';

/**
 * The one error class that crosses process boundaries (the oidc-provider model: an error
 * carries a code and a message that is safe to show). Anything else becomes `internal`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** The catalog wording and what it filled in, so the renderer can say it in the user's language. */
  readonly wording: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; wording?: string | undefined; params?: ErrorParams | undefined },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.wording = options?.wording;
    this.params = options?.params;
  }

  toInfo(): AppErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.wording === undefined ? {} : { wording: this.wording }),
      ...(this.params === undefined ? {} : { params: this.params }),
    };
  }

  static fromInfo(info: AppErrorInfo): AppError {
    return new AppError(info.code, info.message, { wording: info.wording, params: info.params });
  }
}
