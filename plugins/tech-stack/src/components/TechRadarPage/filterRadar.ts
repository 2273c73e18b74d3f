import { Ring, isRing } from '@techstack/plugin-tech-stack-common';
import { RadarEntry } from '../../api';

/** The radar filters, as kept in the URL query (`?q=&ring=&sector=`). */
export interface RadarFilter {
  q?: string;
  ring?: Ring;
  sector?: string;
}

/** Reads the filters from URL search params, ignoring invalid values. */
export function readFilter(params: URLSearchParams): RadarFilter {
  const q = params.get('q')?.trim() || undefined;
  const ring = params.get('ring') ?? undefined;
  const sector = params.get('sector') || undefined;
  return { q, ring: isRing(ring) ? ring : undefined, sector };
}

/** Does the entry match the search text (title, name, aliases, layers)? */
export function matchesQuery(
  entry: RadarEntry,
  q: string | undefined,
): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase('en');
  const haystack = [
    entry.title,
    entry.name,
    ...(entry.aliases ?? []),
    ...entry.layers.flatMap(l => [l.layer, l.group ?? '']),
  ];
  return haystack.some(text => text.toLocaleLowerCase('en').includes(needle));
}

/**
 * Applies the filters to the entries for the tables: keeps the matching
 * entries, each with only the layers that satisfy the ring and sector filters.
 */
export function filterEntries(
  entries: RadarEntry[],
  filter: RadarFilter,
): RadarEntry[] {
  const result: RadarEntry[] = [];
  for (const entry of entries) {
    if (!matchesQuery(entry, filter.q)) continue;
    const layers = entry.layers.filter(
      l =>
        (!filter.ring || l.ring === filter.ring) &&
        (!filter.sector || l.section === filter.sector),
    );
    if (layers.length === 0) continue;
    const sectors = entry.sectors.filter(s =>
      layers.some(l => l.section === s),
    );
    result.push({ ...entry, layers, sectors });
  }
  return result;
}
