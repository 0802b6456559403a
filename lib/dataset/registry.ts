/**
 * The curated registry (data/registry.json): entities with their aliases, blockers, and claim
 * groupings. This module types it and derives the matcher's dictionary from it.
 */
import type { AliasCase, ClaimSide, DictionaryTerm, EntityType } from './types';

/** One curated entity. */
export interface RegistryEntity {
  id: string;
  type: EntityType;
  name: string;
  description?: string;
  /** Other ways outlets write the name; each is matched alone. */
  aliases: string[];
  /** Names of the entity unsafe to match alone ("Ghani", "Abdullah"): searchable, never matched. */
  ambiguousAliases: string[];
  /**
   * Adjectives of a place ("Russian", "Afghan"): they count as mentions of it in articles,
   * but are not marked on pages, where they would mark half of every sentence.
   */
  adjectives?: string[];
}

/** A longer name that contains an alias but names something else; it wins and marks nothing. */
export interface RegistryBlocker {
  text: string;
  why: string;
}

/** A curated claim: each side names a phrase that the build must find verbatim in its source. */
export interface RegistryClaim {
  id: string;
  kind: 'agree' | 'differ';
  topic: string;
  entityIds: string[];
  note?: string;
  sides: { sourceId: ClaimSide['sourceId']; anchor: string }[];
}

/** The registry file. */
export interface Registry {
  entities: RegistryEntity[];
  blockers: RegistryBlocker[];
  claims: RegistryClaim[];
}

/**
 * The case rule for an alias: acronyms (US, U.S., NATO, НАТО) match exactly; lower-case terms
 * ("national dialogue") match in any case; other names match in any case as long as the text
 * starts with a capital (so the dateline MOSCOW matches, "china" porcelain does not).
 */
export function aliasCase(alias: string): AliasCase {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (!/\p{Lu}|\p{Ll}/u.test(letters)) return 'name';
  if (!/\p{Ll}/u.test(letters) && (letters.length <= 6 || alias.includes('.'))) return 'exact';
  if (/^\p{Ll}/u.test(alias)) return 'any';
  return 'name';
}

/** Every alias of every entity (name first) and every blocker, in registry order, without duplicates. */
export function buildDictionary(registry: Registry): DictionaryTerm[] {
  const out: DictionaryTerm[] = [];
  const seen = new Set<string>();
  const add = (text: string, entityId: string | null, quiet = false) => {
    const key = `${entityId}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(quiet ? { text, entityId, case: aliasCase(text), quiet } : { text, entityId, case: aliasCase(text) });
  };
  for (const e of registry.entities) {
    const unsafe = new Set(e.ambiguousAliases);
    for (const alias of [e.name, ...e.aliases]) if (!unsafe.has(alias)) add(alias, e.id);
    for (const adjective of e.adjectives ?? []) add(adjective, e.id, true);
  }
  for (const b of registry.blockers) add(b.text, null);
  return out;
}
