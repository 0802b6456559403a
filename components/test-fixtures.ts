/**
 * Realistic entity cards built by hand from the two seed articles (Sputnik and China Daily,
 * 19 Aug 2021), for component and controller tests and for screenshots. Text is verbatim
 * from the articles; offsets point into each article's plain text.
 */
import type { Source } from '../lib/dataset/types';
import type { EntityCard } from '../lib/messages/entities';

/** The Sputnik article. */
export const sputnik: Source = {
  id: 'sputnik-2021-08-19-lavrov-dialogue',
  publisher: 'Sputnik',
  title: 'Lavrov: Russia Calls for Nationwide Dialogue in Afghanistan Involving All Political Actors',
  published: '2021-08-19T10:05:00Z',
  updated: '2021-08-19T11:09:00Z',
  publishedAsPrinted: '10:05 GMT 19.08.2021',
  language: 'en',
  origin: 'bundled',
};

/** The China Daily article. */
export const chinaDaily: Source = {
  id: 'chinadaily-2021-08-19-positive-signal',
  publisher: 'China Daily',
  title: "Russia sees 'positive signal' from constructive meeting",
  published: '2021-08-19T09:36:00+08:00',
  byline: 'Ren Qi',
  dateline: 'Moscow',
  language: 'en',
  origin: 'bundled',
};

const sputnikRole = {
  title: 'Russian Foreign Minister',
  sourceId: sputnik.id,
  evidence: 'Russian Foreign Minister Sergei Lavrov has said',
  start: 746,
  end: 793,
};
const chinaDailyRole = {
  title: 'Russian Foreign Minister',
  sourceId: chinaDaily.id,
  evidence: 'Russian Foreign Minister Sergei Lavrov',
  start: 155,
  end: 193,
};

/** Sergei Lavrov: roles and quotes in both sources, a claim where they agree and one where they differ. */
export const lavrovCard: EntityCard = {
  entity: {
    id: 'sergei-lavrov',
    type: 'person',
    name: 'Sergei Lavrov',
    aliases: ['Lavrov', 'Sergey Lavrov', 'Сергей Лавров'],
    description: 'Foreign minister of Russia since 2004.',
    roles: [sputnikRole, chinaDailyRole],
  },
  sources: [sputnik, chinaDaily],
  quotes: [
    {
      id: 'q-sputnik-1',
      speakerId: 'sergei-lavrov',
      speaker: 'Lavrov',
      sourceId: sputnik.id,
      text: "We also welcomed the Taliban's recent statement that they want to enter into a dialogue with other political forces in Afghanistan. A meeting has already been announced with the participation of Abdullah Abdullah, chairman of the supreme council of national reconciliation, former president Hamid Karzai and the chairman of the Islamic Renaissance Party [Gulbuddin] Hekmatyar,",
      start: 796,
      end: 1172,
      partial: false,
      mentions: ['taliban', 'afghanistan', 'abdullah-abdullah', 'hamid-karzai', 'gulbuddin-hekmatyar'],
    },
    {
      id: 'q-sputnik-2',
      speakerId: 'sergei-lavrov',
      speaker: 'Lavrov',
      sourceId: sputnik.id,
      text: 'We have not made any official proposals yet, but the effectiveness of this group [in] following Afghan negotiations has always been recognised by everyone, and we will be prepared, if it is deemed appropriate, to resume this format',
      start: 1920,
      end: 2151,
      partial: false,
      mentions: [],
    },
    {
      id: 'q-chinadaily-1',
      speakerId: 'sergei-lavrov',
      speaker: 'Russian Foreign Minister Sergei Lavrov',
      sourceId: chinaDaily.id,
      text: 'I consider it a positive signal that the Taliban in Kabul are declaring and in practice showing their readiness to respect the opinion of others',
      start: 386,
      end: 530,
      partial: false,
      mentions: ['taliban', 'kabul'],
    },
    {
      id: 'q-chinadaily-2',
      speakerId: 'sergei-lavrov',
      speaker: 'Lavrov',
      sourceId: chinaDaily.id,
      text: 'civilized manner',
      start: 614,
      end: 630,
      partial: true,
      mentions: [],
    },
    {
      id: 'q-chinadaily-3',
      speakerId: 'sergei-lavrov',
      speaker: 'he',
      sourceId: chinaDaily.id,
      text: "We support the beginning of an inclusive national dialogue with the participation of all of Afghanistan's political, ethnic and religious groups",
      start: 909,
      end: 1053,
      partial: false,
      mentions: ['afghanistan'],
    },
  ],
  quotesAbout: [],
  context: [
    {
      entityId: 'sergei-lavrov',
      sourceId: sputnik.id,
      sentences: [
        {
          sourceId: sputnik.id,
          text: "Russia is in favour of a national dialogue involving all of Afghanistan's political forces, and welcomes the Taliban's recent statement that they are ready for such dialogue, Russian Foreign Minister Sergei Lavrov has said.",
          start: 571,
          end: 794,
        },
        {
          sourceId: sputnik.id,
          text: 'In this light, Lavrov said that Russia is ready to resume the so-called "Moscow format" of talks on Afghanistan.',
          start: 1596,
          end: 1708,
        },
      ],
      roles: [sputnikRole],
      quoteIds: ['q-sputnik-1', 'q-sputnik-2'],
    },
    {
      entityId: 'sergei-lavrov',
      sourceId: chinaDaily.id,
      sentences: [
        {
          sourceId: chinaDaily.id,
          text: "In the city of Kaliningrad, Lavrov said Moscow wanted the formation of Kabul's new government to be an inclusive process.",
          start: 785,
          end: 906,
        },
      ],
      roles: [chinaDailyRole],
      quoteIds: ['q-chinadaily-1', 'q-chinadaily-2', 'q-chinadaily-3'],
    },
  ],
  claims: [
    {
      id: 'claim-inclusive-dialogue',
      topic: 'Russia backs an inclusive Afghan dialogue',
      kind: 'agree',
      entityIds: ['sergei-lavrov', 'russia', 'afghanistan'],
      sides: [
        {
          sourceId: sputnik.id,
          evidence: "Russia is in favour of a national dialogue involving all of Afghanistan's political forces",
          start: 571,
          end: 661,
        },
        {
          sourceId: chinaDaily.id,
          evidence: "We support the beginning of an inclusive national dialogue with the participation of all of Afghanistan's political, ethnic and religious groups",
          start: 909,
          end: 1053,
        },
      ],
    },
    {
      id: 'claim-where-lavrov-spoke',
      topic: 'Where Lavrov made his remarks',
      kind: 'differ',
      entityIds: ['sergei-lavrov'],
      note: 'Sputnik: a press conference with the Libyan foreign minister; China Daily: in Kaliningrad, on Rossiya 24',
      sides: [
        {
          sourceId: sputnik.id,
          evidence: 'speaking at a press conference after talks with his Libyan counterpart, Najla Mangoush, on Thursday',
          start: 1187,
          end: 1286,
        },
        {
          sourceId: chinaDaily.id,
          evidence: "In the city of Kaliningrad, Lavrov said Moscow wanted the formation of Kabul's new government to be an inclusive process.",
          start: 785,
          end: 906,
        },
      ],
    },
  ],
  sightings: [
    {
      entityId: 'sergei-lavrov',
      url: 'https://www.example.org/world/2021/08/20/kabul-airport',
      title: 'Crowds gather at Kabul airport as evacuations continue',
      site: 'example.org',
      seenAt: Date.UTC(2021, 7, 20, 8, 30),
    },
    {
      entityId: 'sergei-lavrov',
      url: 'https://news.example.com/europe/lavrov-libya',
      title: 'Lavrov meets Libyan counterpart in Moscow',
      site: 'news.example.com',
      seenAt: Date.UTC(2021, 7, 19, 18, 0),
    },
  ],
};

/** Najla Mangoush: known from the Sputnik article only, no quotes, no sightings. */
export const mangoushCard: EntityCard = {
  entity: {
    id: 'najla-mangoush',
    type: 'person',
    name: 'Najla Mangoush',
    aliases: ['Mangoush'],
    roles: [
      {
        title: "Lavrov's Libyan counterpart",
        sourceId: sputnik.id,
        evidence: 'his Libyan counterpart, Najla Mangoush',
        start: 1235,
        end: 1273,
      },
    ],
  },
  sources: [sputnik],
  quotes: [],
  quotesAbout: [],
  context: [
    {
      entityId: 'najla-mangoush',
      sourceId: sputnik.id,
      sentences: [
        {
          sourceId: sputnik.id,
          text: '"We also welcomed the Taliban\'s recent statement ..." Lavrov said, speaking at a press conference after talks with his Libyan counterpart, Najla Mangoush, on Thursday.',
          start: 795,
          end: 1287,
        },
      ],
      roles: [
        {
          title: "Lavrov's Libyan counterpart",
          sourceId: sputnik.id,
          evidence: 'his Libyan counterpart, Najla Mangoush',
          start: 1235,
          end: 1273,
        },
      ],
      quoteIds: [],
    },
  ],
  claims: [],
  sightings: [],
};

/** The Taliban: quoted about by others in both sources (quotesAbout), an organization. */
export const talibanCard: EntityCard = {
  entity: {
    id: 'taliban',
    type: 'organization',
    name: 'Taliban',
    aliases: ['the Taliban', 'Taliban movement'],
    roles: [
      {
        title: 'terrorist organisation (designated by Russia in 2003)',
        sourceId: sputnik.id,
        evidence: 'Russia continues to view the Taliban a terrorist organisation (Moscow made the designation in 2003)',
        start: 2989,
        end: 3088,
      },
      {
        title: 'terrorist organization (designated by Russia in 2003)',
        sourceId: chinaDaily.id,
        evidence: 'Though Russia designated the Taliban as a terrorist organization in 2003',
        start: 2134,
        end: 2206,
      },
    ],
  },
  sources: [sputnik, chinaDaily],
  quotes: [],
  quotesAbout: [lavrovCard.quotes[0]!, lavrovCard.quotes[2]!],
  context: [],
  claims: [],
  sightings: [],
};

/** A string that would run script if anything rendered dataset text as HTML. */
export const hostileText = '<img src=x onerror=alert(1)>';

/** A card whose every dataset and reader string is hostile markup. */
export function hostileCard(): EntityCard {
  const card = structuredClone(lavrovCard);
  card.entity.name = hostileText;
  card.entity.description = hostileText;
  for (const role of card.entity.roles) {
    role.title = hostileText;
    role.evidence = hostileText;
  }
  for (const quote of card.quotes) quote.text = hostileText;
  for (const source of card.sources) {
    source.publisher = hostileText;
    source.title = hostileText;
  }
  for (const claim of card.claims) {
    claim.topic = hostileText;
    for (const side of claim.sides) side.evidence = hostileText;
  }
  for (const context of card.context) for (const sentence of context.sentences) sentence.text = hostileText;
  for (const sighting of card.sightings) {
    sighting.title = hostileText;
    sighting.url = 'javascript:alert(1)';
  }
  return card;
}
