import type { GuideModel, GuideTechnology } from '../model';
import type { ImportedGuide } from './radarToGuide';

const MAX_REPORTED = 100;

/**
 * Compares an imported guide with what the parser reads from it and returns
 * one message per entry that would not come back as it went in: not read as
 * a technology (with the parser's own warning for that line), read under
 * another name or in another ring, or merged with another entry into one
 * technology (two names of one product in the alias table, or the same name
 * twice). Empty when every entry round-trips. At most 100 messages, then one
 * saying how many more.
 *
 * @public
 */
export function checkImportedGuide(
  guide: ImportedGuide,
  model: GuideModel,
): string[] {
  const onLine = new Map<
    number,
    Array<{ tech: GuideTechnology; ring: string }>
  >();
  for (const tech of model.technologies) {
    for (const placement of tech.placements) {
      const list = onLine.get(placement.line) ?? [];
      list.push({ tech, ring: placement.ring });
      onLine.set(placement.line, list);
    }
  }
  const warningsOnLine = new Map<number, string[]>();
  for (const warning of model.warnings) {
    const list = warningsOnLine.get(warning.line) ?? [];
    list.push(warning.message);
    warningsOnLine.set(warning.line, list);
  }
  const problems: string[] = [];
  const namesBySlug = new Map<
    string,
    { tech: GuideTechnology; names: string[] }
  >();
  for (const row of guide.rows) {
    const { entry } = row;
    const label = `${entry.origin}: "${entry.name}"`;
    const found = onLine.get(row.line) ?? [];
    if (found.length === 0) {
      const why = warningsOnLine.get(row.line);
      problems.push(
        `${label} is not read back as a technology${
          why ? ` (${why.join('; ')})` : ''
        }`,
      );
      continue;
    }
    const wanted = entry.name.toLowerCase();
    for (const { tech, ring } of found) {
      const names = [tech.title, ...tech.aliases].map(n => n.toLowerCase());
      if (!names.includes(wanted)) {
        problems.push(`${label} is read back as "${tech.title}"`);
      }
      if (ring !== entry.ring) {
        problems.push(`${label} is read back in ${ring}, not ${entry.ring}`);
      }
      const seen = namesBySlug.get(tech.slug) ?? { tech, names: [] };
      if (!seen.names.some(n => n.toLowerCase() === wanted)) {
        seen.names.push(entry.name);
      }
      namesBySlug.set(tech.slug, seen);
    }
  }
  for (const { tech, names } of namesBySlug.values()) {
    if (names.length > 1) {
      problems.push(
        `${names
          .map(n => `"${n}"`)
          .join(' and ')} are read back as one technology, "${tech.title}"`,
      );
    }
  }
  if (problems.length <= MAX_REPORTED) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED),
    `${problems.length - MAX_REPORTED} more entries do not round-trip`,
  ];
}
