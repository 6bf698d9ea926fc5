/** An error the clerk may read: a stable code for programs, a Chinese message for people. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Who last changed a record that a write found changed since it was read, and its version now. */
export interface ConflictDetail {
  by: string;
  /** ISO time of that change */
  at: string;
  version: number;
}

/** A write that carried a version the record no longer has: nothing was written. */
export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly conflict: ConflictDetail,
  ) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}
