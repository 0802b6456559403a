/** Folded keys for the entity indexes, consistent with the popup's search folding. */
import { foldTerm } from '../search/entity-index';
import type { Entity } from '../dataset/types';
import type { StoredEntity } from './schema';

/** Folds a name for index keys: no diacritics, lower case, single spaces. */
export function foldName(name: string): string {
  return foldTerm(name).replace(/[\s\p{P}]+/gu, ' ').trim();
}

/** Every key an entity can be found by: its folded name and aliases, and each of their word-suffixes. */
export function searchKeys(entity: Pick<Entity, 'name' | 'aliases'>): string[] {
  const keys = new Set<string>();
  for (const text of [entity.name, ...entity.aliases]) {
    const words = foldName(text).split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) keys.add(words.slice(i).join(' '));
  }
  return [...keys];
}

/** The entity with its index keys. */
export function toStoredEntity(entity: Entity): StoredEntity {
  return { ...entity, folded: foldName(entity.name), foldedKeys: searchKeys(entity) };
}

/** The entity without its index keys. */
export function fromStoredEntity(stored: StoredEntity): Entity {
  const { folded: _folded, foldedKeys: _keys, ...entity } = stored;
  return entity;
}
