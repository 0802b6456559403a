/** Catalog keys for entity types, so every view names types the same way. */
import type { EntityType } from '../../lib/dataset/types';
import type { MessageKey } from '../../lib/i18n';

/** Every entity type, in the order the popup lists them. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'term', 'event'];

/** The singular label of a type ("Person"). */
export const typeKey: Record<EntityType, MessageKey> = {
  person: 'typePerson',
  organization: 'typeOrganization',
  place: 'typePlace',
  term: 'typeTerm',
  event: 'typeEvent',
};

/** The plural label of a type ("People"), for filters and group headings. */
export const typePluralKey: Record<EntityType, MessageKey> = {
  person: 'typePeople',
  organization: 'typeOrganizations',
  place: 'typePlaces',
  term: 'typeTerms',
  event: 'typeEvents',
};
