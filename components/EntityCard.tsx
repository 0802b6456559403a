import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Role, Source } from '../lib/dataset/types';
import type { EntityCard as CardData } from '../lib/messages/entities';
import CrossSource from './CrossSource';
import NoteForm from './NoteForm';
import OutletBadge from './OutletBadge';
import QuoteList from './QuoteList';
import RoleList from './RoleList';
import SightingList from './SightingList';
import { sourceIndex, typeLabel } from './format';

/** Props of {@link EntityCard}. */
export interface EntityCardProps {
  /** Everything known about the entity. */
  card: CardData;
  /** Saves a note about this entity on the current article; without it the note action is hidden. */
  onAddNote?: (text: string) => Promise<void> | void;
  /** Opens the entity in the popup's full view; without it the action is hidden. */
  onOpenInPopup?: () => void;
  /** Id for the name heading, so a surrounding dialog can be labelled by it. */
  labelId?: string;
  /** Epoch milliseconds for relative dates; defaults to the time of rendering. */
  now?: number;
  /** The page being read: its sightings are left out and, if it is one of the sources, its role leads. */
  currentUrl?: string;
  /** Popover mode: fewer items at first, each list expandable. The popup's detail view shows everything. */
  compact?: boolean;
}

/** The role to show under the name: the current page's, else the newest source's, else the first. */
function leadRole(roles: readonly Role[], sources: readonly Source[], currentUrl: string | undefined): Role | undefined {
  const here = currentUrl ? sources.find((s) => s.url && s.url === currentUrl) : undefined;
  if (here) {
    const role = roles.find((r) => r.sourceId === here.id);
    if (role) return role;
  }
  const published = new Map(sources.map((s) => [s.id, Date.parse(s.published) || 0]));
  return [...roles].sort((a, b) => (published.get(b.sourceId) ?? 0) - (published.get(a.sourceId) ?? 0))[0];
}

/** Outlets that mention the entity at all, in the card's source order. */
function mentioningSources(card: CardData): Source[] {
  const ids = new Set<string>([
    ...card.context.map((c) => c.sourceId),
    ...card.entity.roles.map((r) => r.sourceId),
    ...card.quotes.map((q) => q.sourceId),
  ]);
  return card.sources.filter((s) => ids.has(s.id));
}

/** A titled part of the card. */
function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/**
 * The whole card for one entity: who it is, its roles by source, its quotes, what each outlet
 * said of it, and where the reader met it before. Used in the hover popover (compact) and in
 * the popup's detail view. Every string is rendered as text.
 */
export default function EntityCard({ card, onAddNote, onOpenInPopup, labelId, now, currentUrl, compact = false }: EntityCardProps) {
  const { entity } = card;
  const sourceOf = sourceIndex(card.sources);
  const lead = leadRole(entity.roles, card.sources, currentUrl);
  const outlets = mentioningSources(card);
  const limit = compact ? 2 : Infinity;
  const hasQuotes = card.quotes.length > 0 || card.quotesAbout.length > 0;
  const hasContext = card.context.length > 0 || card.claims.length > 0;

  return (
    <article class={compact ? 'card compact' : 'card'} data-entity-type={entity.type}>
      <header class="card-header">
        <h2 id={labelId} class="card-name" dir="auto">
          {entity.name}
        </h2>
        <p class="card-subtitle">
          <span class="type">{typeLabel(entity.type)}</span>
          {lead && (
            <span class="lead-role" dir="auto">
              {lead.title}
            </span>
          )}
        </p>
        {entity.description && (
          <p class="description" dir="auto">
            {entity.description}
          </p>
        )}
        {outlets.length > 0 && (
          <p class="outlets">
            <span class="visually-hidden">Mentioned by: </span>
            {outlets.map((source) => (
              <OutletBadge key={source.id} source={source} />
            ))}
          </p>
        )}
      </header>

      {entity.roles.length > 0 && (
        <Section title="Roles">
          <RoleList roles={entity.roles} sourceOf={sourceOf} />
        </Section>
      )}

      {hasQuotes && (
        <Section title="Quotes">
          {card.quotes.length > 0 && (
            <>
              <h4>{`Said by ${entity.name}`}</h4>
              <QuoteList quotes={card.quotes} sourceOf={sourceOf} initialCount={limit} maxChars={compact ? 160 : 400} />
            </>
          )}
          {card.quotesAbout.length > 0 && (
            <>
              <h4>{`Mentioning ${entity.name}`}</h4>
              <QuoteList quotes={card.quotesAbout} sourceOf={sourceOf} showSpeaker initialCount={limit} maxChars={compact ? 160 : 400} />
            </>
          )}
        </Section>
      )}

      {hasContext && (
        <Section title="Across sources">
          <CrossSource entityName={entity.name} context={card.context} claims={card.claims} sourceOf={sourceOf} initialSentences={compact ? 1 : 5} />
        </Section>
      )}

      <Section title="Your reading">
        <SightingList sightings={card.sightings} entityName={entity.name} now={now ?? Date.now()} currentUrl={currentUrl} />
      </Section>

      {(onAddNote || onOpenInPopup) && (
        <footer class="card-actions">
          {onAddNote && <NoteForm entityName={entity.name} onSubmit={onAddNote} />}
          {onOpenInPopup && (
            <button type="button" class="button" onClick={() => onOpenInPopup()}>
              Open in Backstory
            </button>
          )}
        </footer>
      )}
    </article>
  );
}
