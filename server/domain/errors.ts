import type { ErrorCode } from '../../contract/errors.js';

export { ErrorCode } from '../../contract/errors.js';

/** A refusal with a code and a message meant for the person who caused it. */
export class LecternError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LecternError';
  }
}
