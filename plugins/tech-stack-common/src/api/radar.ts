import type { Ring } from '../types';
import type { TechnologyLayer } from '../entity';

/**
 * How a technology moved on the radar recently: to a better ring (`in`), to a
 * worse one (`out`), first seen (`new`), or not recently (`none`).
 *
 * @public
 */
export type RadarMovement = 'in' | 'out' | 'new' | 'none';

/**
 * One technology on the radar, as the backend serves it (`GET /radar`).
 *
 * @public
 */
export interface RadarEntry {
  /** Entity ref of the Technology entity. */
  ref: string;
  name: string;
  title: string;
  /** The best ring the technology holds anywhere in the guide. */
  ring: Ring;
  type: string;
  /** The sections (radar sectors) it appears in, in guide order. */
  sectors: string[];
  layers: TechnologyLayer[];
  description?: string;
  /** Other names of the technology. The backend always sends it. */
  aliases?: string[];
  /**
   * Recent ring change, derived from the ring-history annotation. The backend
   * always sends it.
   */
  movement?: RadarMovement;
  /** When that change happened (ISO date), if there is a recent one. */
  movedAt?: string;
  /**
   * Number of entities that use it (`technologyUsedBy` relations) among those
   * the caller may read in the catalog. The backend always sends it.
   */
  usageCount?: number;
  /**
   * Number of components that use it from any usage source (annotation, tags,
   * dependencies), among those the caller may read, when the adoption service
   * is wired.
   */
  componentCount?: number;
  /** Number of teams owning those components. */
  teamCount?: number;
  ringReason?: string;
  /**
   * The guide and line it came from (`<url or path>#L<line>`): the guide's URL
   * (without credentials), or for a guide on the backend's disk its target as
   * configured when that is relative, else its file name; never an absolute
   * path of the backend's disk.
   */
  sourceLocation?: string;
  /**
   * Only with `?date=`: `false` when the kept ring history does not reach back
   * to that date, so `ring` is the earliest ring known, not necessarily the
   * ring of then.
   */
  ringKnown?: boolean;
}

/**
 * The radar as the backend serves it: sectors in guide order, the rings, the
 * entries sorted by title.
 *
 * @public
 */
export interface Radar {
  /** Sectors (guide sections) in guide order. */
  sectors: string[];
  /** Rings, best first. */
  rings: Ring[];
  /** Entries sorted by title. */
  entries: RadarEntry[];
  /** The day (`YYYY-MM-DD`, UTC) the rings are of, when asked with `?date=`. */
  asOf?: string;
  /**
   * With `?date=`: `false` when some entry's ring at that date is not known
   * from the kept history (see {@link RadarEntry.ringKnown}).
   */
  historyComplete?: boolean;
}

/**
 * One technology whose ring changed between two dates
 * (`GET /radar/changes`).
 *
 * @public
 */
export interface RadarChange {
  ref: string;
  name: string;
  title: string;
  /** The ring at the start of the range; absent for an added technology. */
  fromRing?: Ring;
  toRing: Ring;
  /** When the last change in the range happened (ISO 8601). */
  date: string;
}

/**
 * What changed on the radar from the start of `from` to the end of `to`
 * (UTC days), like the release notes of a published radar: technologies
 * moved in (to a better ring), moved out (to a worse one), added and removed.
 *
 * @public
 */
export interface RadarChanges {
  from: string;
  to: string;
  movedIn: RadarChange[];
  movedOut: RadarChange[];
  added: RadarChange[];
  /**
   * Technologies removed from the guide in the range (`toRing`: the last ring
   * they held), known from the backend's stored ring history; see `note`.
   */
  removed: RadarChange[];
  /**
   * `false` when some technology's ring at the start of the range is not
   * known from the kept history: a change from before it may be missing.
   */
  historyComplete: boolean;
  /** What the answer cannot know, in words (e.g. removals). */
  note?: string;
}
