import { AdoptionCount, ComplianceCount } from './AdoptionHistoryStore';

/** A number in [0, 1) from a text, the same for the same text (FNV-1a). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

/**
 * Made-up counts of a day `daysAgo` days before the counts given (which are
 * today's), for the example portal's charts: adoption grows towards today's
 * counts (a technology starts between 30 % and 90 % of them), hold and
 * not-in-guide usages shrink towards them (from up to twice as many), with
 * small day-to-day noise. Deterministic: the same day, refs and counts give
 * the same numbers.
 */
export function exampleDay(
  today: { adoption: AdoptionCount[]; compliance: ComplianceCount[] },
  options: { day: string; daysAgo: number; span: number },
): { adoption: AdoptionCount[]; compliance: ComplianceCount[] } {
  const { day, daysAgo, span } = options;
  const progress = 1 - Math.min(1, Math.max(0, daysAgo / span));
  const noise = (key: string) => (unitHash(`${day}|${key}`) - 0.5) * 0.2;
  const adoption = today.adoption.map(count => {
    const key = `${count.technologyRef}|${count.teamRef}`;
    const start = 0.3 + 0.6 * unitHash(key);
    const share = start + (1 - start) * progress + noise(key);
    return {
      ...count,
      components: Math.max(0, Math.round(count.components * share)),
    };
  });
  const compliance = today.compliance.map(count => {
    const key = count.teamRef;
    const factor = 1 + unitHash(key) * (1 - progress) + noise(key);
    return {
      teamRef: count.teamRef,
      hold: Math.max(0, Math.round(count.hold * factor)),
      offGuide: Math.max(0, Math.round(count.offGuide * factor)),
    };
  });
  return { adoption, compliance };
}
