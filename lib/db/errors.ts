/**
 * Storage failures in words a reader can act on. Handlers rethrow every failure through
 * `readerError`, so nothing is lost silently: the popup or popover shows the message.
 */

/** A failure whose message is meant for the reader as is. */
export class ReaderError extends Error {
  constructor(
    message: string,
    /** The underlying error, for the console. */
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'ReaderError';
  }
}

/** Thrown when a note or article the request names does not exist (any more). */
export class NotFoundError extends ReaderError {
  constructor(what: string) {
    super(`${what} no longer exists. It may have been deleted in another tab or window.`);
    this.name = 'NotFoundError';
  }
}

const MESSAGES: Record<string, string> = {
  QuotaExceededError:
    "Backstory could not save: the browser's storage for this extension is full. Nothing was changed. Free some space (delete saved articles or old notes, or clear browsing data for other sites) and try again.",
  VersionError: 'Backstory’s storage was created by a newer version of the extension. Update Backstory; your notes are kept.',
  InvalidStateError: 'Backstory’s storage was closed (the browser may be shutting down, or the extension was just updated). Nothing was changed. Please try again.',
  TransactionInactiveError: 'Backstory’s storage was interrupted. Nothing was changed. Please try again.',
  AbortError: 'Backstory’s storage stopped the change before it was complete. Nothing was changed. Please try again.',
  UnknownError: 'Backstory could not read or write its storage (a disk or browser problem). Nothing was changed. Restarting the browser may help.',
  DataError: 'Backstory could not store this: some of the data is not storable. Nothing was changed.',
  ConstraintError: 'Backstory could not store this: it conflicts with something already saved. Nothing was changed.',
  ReadOnlyError: 'Backstory’s storage is read-only right now. Nothing was changed.',
  NotFoundError: 'Backstory’s storage is incomplete (an update may have failed). Reload the extension; your notes are kept.',
};

function errorName(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return null;
}

/** True for a storage-full error, whichever browser raised it. */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  // Firefox has reported NS_ERROR_DOM_QUOTA_REACHED; Safari used code 22.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error as { code?: unknown })?.code === 22;
}

/** A message for the reader describing `error`. */
export function readerMessage(error: unknown): string {
  if (error instanceof ReaderError) return error.message;
  if (isQuotaError(error)) return MESSAGES.QuotaExceededError!;
  const name = errorName(error);
  if (name && Object.hasOwn(MESSAGES, name)) return MESSAGES[name]!;
  return `Backstory ran into an unexpected problem: ${error instanceof Error ? error.message : String(error)}`;
}

/** `error` as a ReaderError (logged once, for diagnosis, when it is not one already). */
export function readerError(error: unknown): ReaderError {
  if (error instanceof ReaderError) return error;
  console.error('Backstory storage error', error);
  return new ReaderError(readerMessage(error), error);
}
