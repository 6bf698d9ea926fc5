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
