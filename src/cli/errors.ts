// A failure the user must act on (exit 1): the message names the file and what to do.
export class FatalError extends Error {}

/** What went wrong with a file, briefly: the system's code (ENOENT, EACCES…) or the message. */
export function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
