import type { Ring, TechnologyType } from './types';

/**
 * Something the parser saw but could not place, with the guide line it stands on (1-based).
 *
 * @public
 */
export interface GuideWarning {
  line: number;
  message: string;
}

/**
 * A link found in the guide for a technology (`[Redis](https://redis.io)`).
 *
 * @public
 */
export interface GuideLink {
  url: string;
  title?: string;
}

/**
 * One place a technology appears in the guide.
 *
 * @public
 */
export interface GuidePlacement {
  /** `##` heading: a radar sector. */
  section: string;
  /** `###` heading inside the section, if any. */
  group?: string;
  /** Table row label, list heading or diagram subgraph. */
  layer: string;
  ring: Ring;
  /** 1-based line of the guide the entry stands on. */
  line: number;
  /** Descriptive text of that row or item ("Best For", "Notes"), if any. */
  description?: string;
}

/**
 * One technology of the guide: one entry however often it appears.
 *
 * @public
 */
export interface GuideTechnology {
  /** Stable slug, a valid Backstage entity name, unique in the model. */
  slug: string;
  /** The name as the guide writes it (first occurrence, clean text). */
  title: string;
  /** Other names the guide (or the alias table) uses for it. */
  aliases: string[];
  type: TechnologyType;
  /** The best ring it holds anywhere in the guide. */
  ring: Ring;
  placements: GuidePlacement[];
  links: GuideLink[];
  description?: string;
  /** 1-based line of its first occurrence. */
  line: number;
}

/**
 * A layer (table row, list, diagram subgraph) in guide order.
 *
 * @public
 */
export interface GuideLayer {
  title: string;
  group?: string;
  line: number;
  /** Slugs of the technologies placed in this layer, in guide order, with their ring here. */
  entries: Array<{ slug: string; ring: Ring }>;
}

/**
 * A `##` section of the guide: a radar sector.
 *
 * @public
 */
export interface GuideSection {
  title: string;
  line: number;
  layers: GuideLayer[];
}

/**
 * The guide, parsed.
 *
 * @public
 */
export interface GuideModel {
  /** The `#` title, clean text. */
  title: string;
  /** Text under the title, if any. */
  description?: string;
  /** Sections in guide order. */
  sections: GuideSection[];
  /** Technologies in order of first appearance. */
  technologies: GuideTechnology[];
  warnings: GuideWarning[];
  /** The guide's YAML front matter, when it has some. */
  frontMatter?: Record<string, unknown>;
}
