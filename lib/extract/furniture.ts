/**
 * Page furniture: text a news page prints around an article that is not the article (photo
 * credits, subscribe prompts, navigation, copyright footers). Each rule names its reason so the
 * dataset can record what was removed and why.
 */

/** A rule that removes a whole line, or a prefix/suffix of it (keeping the caption it credits). */
export interface FurnitureRule {
  reason: string;
  /** Matches the furniture; `whole` rules must match the entire line. */
  pattern: RegExp;
  where: 'whole' | 'prefix' | 'suffix';
}

/** Rules applied to every line of a plain-text article, in order. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  { reason: 'photo credit', where: 'prefix', pattern: /^©[^\n]*?\/\s*Go to the mediabank/u },
  { reason: 'photo credit', where: 'whole', pattern: /^©\s*[\p{L}\p{N} .,'-]+(?:\/\s*[^/\n]+){0,3}$/u },
  { reason: 'photo credit', where: 'suffix', pattern: /\s*\[(?:Photo|Photos|Image|File photo|Video)(?:\/[^\]]*)?\]$/iu },
  { reason: 'photo credit', where: 'whole', pattern: /^(?:photo|image|picture)s?\s*(?:credit)?\s*:\s*\S.{0,80}$/iu },
  { reason: 'subscribe prompt', where: 'whole', pattern: /^[/|•\s]*(?:subscribe|sign up|newsletter|follow us)\b.{0,40}$/iu },
  { reason: 'copyright footer', where: 'whole', pattern: /^(?:copyright|©).*(?:rights reserved|reserved)/iu },
  { reason: 'copyright footer', where: 'whole', pattern: /all rights reserved/iu },
  { reason: 'site notice', where: 'whole', pattern: /^(?:license for publishing|registration number|browsers with .* resolution|note: browsers)\b/iu },
  { reason: 'navigation', where: 'whole', pattern: /^(?:back to (?:the )?top|home|menu|share|read more|related(?: stories)?|advertisement|\w+ edition)$/iu },
  { reason: 'navigation', where: 'whole', pattern: /^(?:[\p{L}' ]{1,25})(?:\s*[|›>»]\s*[\p{L}' ]{1,25})+$/u },
];

/** The outcome of checking one line against the furniture rules. */
export interface FurnitureCheck {
  /** The line with furniture removed ('' when the whole line was furniture). */
  kept: string;
  removed: { text: string; reason: string }[];
  /** True when a photo credit was removed from the line: what remains is a caption. */
  caption: boolean;
}

/** Removes furniture from one line. */
export function stripFurniture(line: string): FurnitureCheck {
  let kept = line;
  const removed: { text: string; reason: string }[] = [];
  let caption = false;
  for (const rule of FURNITURE_RULES) {
    const m = rule.pattern.exec(kept);
    if (!m) continue;
    if (rule.where === 'whole') {
      removed.push({ text: kept, reason: rule.reason });
      return { kept: '', removed, caption: false };
    }
    removed.push({ text: m[0].trim(), reason: rule.reason });
    kept = rule.where === 'prefix' ? kept.slice(m[0].length) : kept.slice(0, m.index);
    kept = kept.trim();
    if (rule.reason === 'photo credit') caption = true;
  }
  return { kept, removed, caption: caption && kept.length > 0 };
}
