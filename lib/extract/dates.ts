/**
 * Turns dates as news sites print them into ISO 8601. Only forms with an unambiguous order are
 * read; a time printed without a zone needs the outlet's zone (for example China Daily prints
 * Beijing time) and is left out otherwise rather than guessed.
 */

const ZONES: Record<string, string> = { GMT: 'Z', UTC: 'Z', Z: 'Z', MSK: '+03:00', CST: '+08:00', BST: '+01:00', CET: '+01:00', CEST: '+02:00', EST: '-05:00', EDT: '-04:00', PST: '-08:00', PDT: '-07:00' };

const pad = (n: string) => n.padStart(2, '0');

function iso(y: string, mo: string, d: string, h: string, mi: string, zone: string): string | undefined {
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:00${zone}`;
}

/**
 * Reads one printed date-time: "10:05 GMT 19.08.2021" (day.month.year), "2021-08-19 09:36",
 * or an ISO string. `defaultZone` ("+08:00") applies when the text names no zone.
 * Returns undefined when the form is not recognised or no zone is known.
 */
export function parsePrintedDate(printed: string, defaultZone?: string): string | undefined {
  const s = printed.trim();
  let m = /^(\d{1,2}):(\d{2})(?:\s+([A-Z]{1,4}))?\s+(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const zone = m[3] ? ZONES[m[3]] : defaultZone;
    return zone ? iso(m[6]!, m[5]!, m[4]!, m[1]!, m[2]!, zone) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4})?$/.exec(s);
  if (m) {
    const raw = m[6];
    const zone = raw ? (ZONES[raw] ?? (/^[+-]\d{2}:?\d{2}$/.test(raw) ? `${raw.slice(0, 3)}:${raw.slice(-2)}` : undefined)) : defaultZone;
    return zone ? iso(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, zone) : undefined;
  }
  return undefined;
}

/** Normalises a machine-readable date (meta tags) to ISO 8601, or undefined. */
export function normalizeIsoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const printed = parsePrintedDate(value);
  if (printed) return printed;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) return value.trim();
  return undefined;
}
