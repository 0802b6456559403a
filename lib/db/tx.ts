/** Helpers for all-or-nothing writes. */

/** The part of an idb transaction these helpers use. */
interface AbortableTransaction {
  abort(): void;
  readonly done: Promise<void>;
}

async function abortAndWait(tx: AbortableTransaction): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser.
  }
  await tx.done.catch(() => undefined);
}

/** Registers one queued request with `commitAll`. */
export type QueueWrite = (request: Promise<unknown>) => void;

/**
 * Runs `queue`, which issues requests on `tx` and registers each with `write` (without
 * awaiting in between, so the transaction stays alive), then waits for the commit. Any
 * failure, including a request throwing synchronously (which IndexedDB does not turn into an
 * abort by itself), aborts the whole transaction and rethrows: every write lands or none does.
 */
export async function commitAll(tx: AbortableTransaction, queue: (write: QueueWrite) => void): Promise<void> {
  const writes: Promise<unknown>[] = [];
  const write: QueueWrite = (request) => {
    // Requests of an aborted transaction all reject; the first failure is reported below.
    request.catch(() => undefined);
    writes.push(request);
  };
  try {
    queue(write);
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    await abortAndWait(tx);
    throw error;
  }
}
