import type {
  GuideLayer,
  GuideLink,
  GuidePlacement,
  GuideSection,
  GuideTechnology,
  GuideWarning,
} from '../model';
import { bestRing } from '../types';
import type { Ring } from '../types';
import { AliasEntry, AliasTable, nameKey } from './aliases';
import { classifyTechnology } from './classify';
import { MAX_WARNINGS } from './limits';
import { assignUniqueSlugs, technologySlug } from './slug';

/** One occurrence of a technology name in the guide. */
export interface EntryInput {
  name: string;
  section: string;
  sectionLine: number;
  group?: string;
  layer: string;
  ring: Ring;
  /** 1-based line. */
  line: number;
  description?: string;
  link?: GuideLink;
}

interface TechnologyDraft {
  id: string;
  title: string;
  alias?: AliasEntry;
  spellings: string[];
  placements: GuidePlacement[];
  /** Rings (bit per ring) already placed per layer. */
  placedRings: Map<LayerDraft, number>;
  links: GuideLink[];
  line: number;
}

/** A layer of a section; pass it to {@link GuideCollector.addToLayer}. */
export interface LayerDraft {
  section: string;
  title: string;
  group?: string;
  line: number;
  entries: Array<{ tech: TechnologyDraft; ring: Ring }>;
  /** Rings (bit per ring) already listed per technology. */
  listedRings: Map<TechnologyDraft, number>;
}

interface SectionDraft {
  title: string;
  line: number;
  layers: Map<string, LayerDraft>;
}

/** The technologies, sections and warnings collected from a guide. */
export interface CollectedGuide {
  sections: GuideSection[];
  technologies: GuideTechnology[];
  warnings: GuideWarning[];
}

const RING_BIT: Record<Ring, number> = {
  adopt: 1,
  trial: 2,
  assess: 4,
  hold: 8,
};

/**
 * Collects technology occurrences while the guide is walked, merging
 * occurrences of one technology (through the alias table) into one entry
 * with several placements.
 */
export class GuideCollector {
  private readonly technologies = new Map<string, TechnologyDraft>();
  private readonly byName = new Map<string, TechnologyDraft>();
  private readonly sections = new Map<string, SectionDraft>();
  private readonly warnings: GuideWarning[] = [];
  private omittedWarnings = 0;

  constructor(private readonly aliases: AliasTable) {}

  /**
   * Records something seen but not placed. After {@link MAX_WARNINGS}
   * warnings, further ones are only counted.
   */
  warn(line: number, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) {
      this.warnings.push({ line, message });
    } else {
      this.omittedWarnings++;
    }
  }

  /** Records one occurrence of a technology. */
  add(input: EntryInput): void {
    this.addToLayer(this.layer(input), input);
  }

  /**
   * The layer an entry goes to (created on first use). Callers placing
   * several names in one layer look it up once and use {@link addToLayer}.
   */
  layer(where: {
    section: string;
    sectionLine: number;
    group?: string;
    layer: string;
    line: number;
  }): LayerDraft {
    let section = this.sections.get(where.section);
    if (!section) {
      section = {
        title: where.section,
        line: where.sectionLine,
        layers: new Map(),
      };
      this.sections.set(where.section, section);
    }
    const key = `${where.group ?? ''}\u0000${where.layer}`;
    let layer = section.layers.get(key);
    if (!layer) {
      layer = {
        section: where.section,
        title: where.layer,
        line: where.line,
        entries: [],
        listedRings: new Map(),
      };
      if (where.group) layer.group = where.group;
      section.layers.set(key, layer);
    }
    return layer;
  }

  /** Records one occurrence of a technology in a layer from {@link layer}. */
  addToLayer(layer: LayerDraft, input: EntryInput): void {
    const tech = this.technology(input.name, input.line);
    const bit = RING_BIT[input.ring];
    const placed = tech.placedRings.get(layer) ?? 0;
    if ((placed & bit) === 0) {
      tech.placedRings.set(layer, placed | bit);
      tech.placements.push(toPlacement(input));
    }
    if (input.link && !tech.links.some(link => link.url === input.link!.url)) {
      tech.links.push(input.link);
    }
    const listed = layer.listedRings.get(tech) ?? 0;
    if ((listed & bit) === 0) {
      layer.listedRings.set(tech, listed | bit);
      layer.entries.push({ tech, ring: input.ring });
    }
  }

  /** Builds the sections (those with at least one layer) and technologies. */
  build(): CollectedGuide {
    const drafts = [...this.technologies.values()];
    const slugs = assignUniqueSlugs(
      drafts.map(draft => ({
        slug: technologySlug(draft.alias?.canonical ?? draft.title),
        key: draft.id,
      })),
    );
    const slugOf = new Map(drafts.map((draft, index) => [draft, slugs[index]]));
    const technologies = drafts.map(draft =>
      toTechnology(draft, slugOf.get(draft)!),
    );
    const sections: GuideSection[] = [];
    for (const section of this.sections.values()) {
      const layers: GuideLayer[] = [...section.layers.values()].map(layer => ({
        title: layer.title,
        ...(layer.group ? { group: layer.group } : {}),
        line: layer.line,
        entries: layer.entries.map(entry => ({
          slug: slugOf.get(entry.tech)!,
          ring: entry.ring,
        })),
      }));
      if (layers.length > 0) {
        sections.push({ title: section.title, line: section.line, layers });
      }
    }
    const warnings = [...this.warnings].sort((a, b) => a.line - b.line);
    if (this.omittedWarnings > 0) {
      warnings.push({
        line: warnings[warnings.length - 1].line,
        message: `${this.omittedWarnings} more warnings not shown (at most ${MAX_WARNINGS} are reported)`,
      });
    }
    return { sections, technologies, warnings };
  }

  private technology(name: string, line: number): TechnologyDraft {
    const known = this.byName.get(name);
    if (known) return known;
    const alias = this.aliases.lookup(name);
    const id = alias ? `alias:${nameKey(alias.canonical)}` : nameKey(name);
    let tech = this.technologies.get(id);
    if (!tech) {
      tech = {
        id,
        title: name,
        spellings: [name],
        placements: [],
        placedRings: new Map(),
        links: [],
        line,
      };
      if (alias) tech.alias = alias;
      this.technologies.set(id, tech);
    } else if (!tech.spellings.includes(name)) {
      tech.spellings.push(name);
    }
    this.byName.set(name, tech);
    return tech;
  }
}

function toPlacement(input: EntryInput): GuidePlacement {
  const placement: GuidePlacement = input.group
    ? {
        section: input.section,
        group: input.group,
        layer: input.layer,
        ring: input.ring,
        line: input.line,
      }
    : {
        section: input.section,
        layer: input.layer,
        ring: input.ring,
        line: input.line,
      };
  if (input.description) placement.description = input.description;
  return placement;
}

function toTechnology(draft: TechnologyDraft, slug: string): GuideTechnology {
  const seen = new Set([draft.title.toLowerCase()]);
  const aliases: string[] = [];
  for (const name of [...draft.spellings, ...(draft.alias?.names ?? [])]) {
    const lower = name.toLowerCase();
    // Configured aliases are not cleaned by the parser: skip unusable ones.
    if (!name.trim() || /[<>]/.test(name)) continue;
    if (!seen.has(lower)) {
      seen.add(lower);
      aliases.push(name);
    }
  }
  const description = draft.placements.find(p => p.description)?.description;
  return {
    slug,
    title: draft.title,
    aliases,
    type: classifyTechnology([draft.title, ...aliases]),
    ring: bestRing(draft.placements.map(p => p.ring)) ?? 'trial',
    placements: draft.placements,
    links: draft.links,
    ...(description ? { description } : {}),
    line: draft.line,
  };
}
