import type {
  Ring,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';
import type { Movement } from './movement';

/** One technology on the radar. */
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
  aliases: string[];
  /** Recent ring change, derived from the ring-history annotation. */
  movement: Movement;
  /** When that change happened (ISO date), if there is a recent one. */
  movedAt?: string;
  /** Number of components that use it (`technologyUsedBy` relations). */
  usageCount: number;
  /**
   * Number of components that use it from any usage source (annotation, tags,
   * dependencies), when the adoption service is wired.
   */
  componentCount?: number;
  /** Number of teams owning those components. */
  teamCount?: number;
  ringReason?: string;
  /** The guide and line it came from (`<url or path>#L<line>`). */
  sourceLocation?: string;
}

/** The radar: sectors in guide order, the rings, the entries sorted by title. */
export interface Radar {
  sectors: string[];
  rings: Ring[];
  entries: RadarEntry[];
}
