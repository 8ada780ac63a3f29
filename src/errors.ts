// Errors the CLI turns into exit codes. Anything else that escapes is an internal error (exit 1
// with a short "this is a bug" message, still no stack trace unless DEBUG is set).

/** The user can fix this: bad input, a refused overwrite, a missing choice. Exit 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * Detection found several candidates and nothing that tells them apart (several Go main
 * packages, several Rust binaries). Without a terminal this is the error, naming the flag; on
 * a terminal the detect step asks and runs detection again with the answer.
 */
export class ChoiceNeeded extends UserError {
  constructor(
    message: string,
    /** The option the answer fills (`--main`). */
    readonly option: 'main',
    readonly question: string,
    readonly choices: string[],
  ) {
    super(message);
  }
}

/** The command line itself is wrong (unknown flag, bad value). Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The user cancelled at a prompt (Ctrl-C). Exit 130, nothing written. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Cancelled; nothing was written.');
  }
}

/** `--check` found files that differ from what would be generated. Exit 1. */
export class DriftError extends Error {
  override readonly name = 'DriftError';
}
