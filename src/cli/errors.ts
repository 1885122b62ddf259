// A failure the user must act on (exit 1): the message names the file and what to do.
export class FatalError extends Error {}
