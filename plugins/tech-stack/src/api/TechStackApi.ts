import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Ring,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';

/**
 * How a technology moved on the radar recently: to a better ring (`in`), to a
 * worse one (`out`), first seen (`new`), or not recently (`none`).
 *
 * @public
 */
export type RadarMovement = 'in' | 'out' | 'new' | 'none';

/**
 * One technology of the radar, as the backend serves it.
 *
 * @public
 */
export interface RadarEntry {
  /** Entity ref of the Technology entity. */
  ref: string;
  name: string;
  title: string;
  /** The best ring it holds anywhere in the guide. */
  ring: Ring;
  type: string;
  /** The sections (sectors) it appears in, in guide order. */
  sectors: string[];
  layers: TechnologyLayer[];
  description?: string;
  aliases?: string[];
  movement?: RadarMovement;
  /** Date of the recent ring change, if any. */
  movedAt?: string;
  /** Number of components using it. */
  usageCount?: number;
  ringReason?: string;
  /** The guide and line it came from (`<url or path>#L<line>`). */
  sourceLocation?: string;
}

/**
 * The radar as the backend serves it.
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
}

/**
 * Client of the tech-stack backend.
 *
 * @public
 */
export interface TechStackApi {
  /** The radar, optionally of one guide (its id). */
  getRadar(options?: { guide?: string }): Promise<Radar>;
}

/**
 * The API reference of {@link TechStackApi}.
 *
 * @public
 */
export const techStackApiRef = createApiRef<TechStackApi>({
  id: 'plugin.tech-stack.service',
});
