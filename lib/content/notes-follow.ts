/**
 * When the passage notes of a page are placed again as its text changes: at once when a
 * single-page app has moved to another address, and, while some passages are not found, a
 * second after the last try, then two, four... up to about a minute, so a page that keeps
 * changing while a note's passage is gone for good is not searched again and again.
 */
import type { PassageStatus } from '../messages/page';

/** Least time between two looks for passages not found yet. */
export const NOTES_RETRY_MS = 1000;
/** The longest that wait grows to while they stay missing. */
export const NOTES_RETRY_MAX_MS = 64_000;

/** Options of {@link followPassageNotes}. */
export interface NotesFollowOptions {
  /** Places the notes (fetches and anchors them) and resolves with where they stand. */
  place: () => Promise<PassageStatus>;
  /** The page's current address. */
  url: () => string;
  /** Milliseconds from a fixed point (default `performance.now`). */
  now?: () => number;
  /** Runs `run` after `ms` (default `setTimeout`; the content script passes its context's). */
  later?: (run: () => void, ms: number) => void;
}

/** Follows the page for its passage notes. */
export interface NotesFollower {
  /** Records a placement made elsewhere (the first one, or one the popup asked for); returns `status`. */
  placed(status: PassageStatus): PassageStatus;
  /** The page's text changed: places the notes again when that is due (once at a time). */
  textChanged(): void;
}

/** Creates the follower; nothing is placed again before a first placement is recorded. */
export function followPassageNotes(options: NotesFollowOptions): NotesFollower {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((run, ms) => void setTimeout(run, ms));
  let at: string | null = null;
  let missing = false;
  let tried = 0;
  let wait = NOTES_RETRY_MS;
  let due = false;

  const follower: NotesFollower = {
    placed(status) {
      const url = options.url();
      const stillMissing = status.orphans.length > 0;
      wait = stillMissing && missing && url === at ? Math.min(wait * 2, NOTES_RETRY_MAX_MS) : NOTES_RETRY_MS;
      at = url;
      missing = stillMissing;
      tried = now();
      return status;
    },
    textChanged() {
      if (at === null || due) return;
      const moved = options.url() !== at;
      if (!moved && !missing) return;
      due = true;
      later(() => {
        due = false;
        void options.place().then(follower.placed, () => undefined);
      }, moved ? 0 : Math.max(0, tried + wait - now()));
    },
  };
  return follower;
}
