import { Ring, isRing } from '@techstack/plugin-tech-stack-common';

/** The adoption view's filters and sorting, as kept in the URL query. */
export interface AdoptionFilter {
  section?: string;
  ring?: Ring;
  /** Group ref. */
  team?: string;
  /** Rows: by team name or by total usages (default). */
  sort?: 'team' | 'total';
  /** Columns: by technology name or by total components (default). */
  columns?: 'name' | 'total';
}

/** The URL parameters the adoption view owns. */
export const ADOPTION_PARAMS = [
  'section',
  'ring',
  'team',
  'sort',
  'columns',
] as const;

/** Reads the filters from URL search params, ignoring invalid values. */
export function readAdoptionFilter(params: URLSearchParams): AdoptionFilter {
  const ring = params.get('ring') ?? undefined;
  const sort = params.get('sort');
  const columns = params.get('columns');
  return {
    section: params.get('section') || undefined,
    ring: isRing(ring) ? ring : undefined,
    team: params.get('team') || undefined,
    sort: sort === 'team' ? 'team' : undefined,
    columns: columns === 'name' ? 'name' : undefined,
  };
}
