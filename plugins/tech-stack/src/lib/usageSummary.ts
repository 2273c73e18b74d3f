import { RadarEntry } from '../api';

/**
 * How many components (any usage source, else the usage relations) and teams
 * use an entry: `3 components in 2 teams`; undefined when none.
 */
export function usageSummary(entry: RadarEntry): string | undefined {
  const components = entry.componentCount ?? entry.usageCount ?? 0;
  if (components === 0) return undefined;
  const text = `${components} component${components === 1 ? '' : 's'}`;
  const teams = entry.teamCount;
  return teams ? `${text} in ${teams} team${teams === 1 ? '' : 's'}` : text;
}
