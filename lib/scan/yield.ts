/** Giving the main thread back to the page between chunks of work. */

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves after the page had a chance to run its own tasks (input, rendering): `scheduler.yield()`
 * where available (keeps our place at the front of the queue), else a MessageChannel message
 * (a new task without setTimeout's clamping), else setTimeout 0.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
