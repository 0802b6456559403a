/**
 * Wires the background: opens and seeds the database, answers the typed protocol, forwards
 * the keyboard commands to the active tab and offers the context-menu actions.
 */
import { browser } from 'wxt/browser';
import bundled from '../../data/dataset.json';
import type { Dataset } from '../../lib/dataset/types';
import { createEntityHandlers } from '../../lib/background/entity-handlers';
import { createNoteHandlers } from '../../lib/background/note-handlers';
import { prepareDatabase } from '../../lib/db/prepare';
import { createRouter, type MessageSender } from '../../lib/messages/router';
import { openEntity } from './open-entity';
import { forwardCommand } from './commands';
import { registerContextMenus } from './context-menus';

/** Starts the background (runs on every service-worker start). */
export function startBackground(): void {
  // Seeding is a no-op when the stored dataset has this version; notes are never touched, and a
  // failed seeding keeps the previous dataset so notes stay usable.
  const db = prepareDatabase(bundled as Dataset);
  db.catch((error: unknown) => console.error('Backstory: the database could not be opened', error));

  const route = createRouter(
    {
      ...createEntityHandlers(db),
      ...createNoteHandlers(db),
      'entity.open': ({ id }) => openEntity(id),
    },
    browser.runtime.id,
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => route(message, sender));
  browser.commands?.onCommand.addListener((command: string) => void forwardCommand(command));
  registerContextMenus((request) => route({ type: 'articles.save', request }, { id: browser.runtime.id }));
}
