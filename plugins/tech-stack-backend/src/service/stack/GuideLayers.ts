import {
  Ring,
  compareRings,
  layerNameKey,
} from '@techstack/plugin-tech-stack-common';
import { TechnologyInfo } from '../adoption/types';
import { needWords } from './needWords';

/** A technology in one layer of the guide, with its ring there. */
export interface LayerChoice {
  technology: TechnologyInfo;
  ring: Ring;
}

/** One layer of the guide (a table row or diagram subgraph) and what it lists. */
export interface GuideLayer {
  section: string;
  group?: string;
  layer: string;
  /** Best ring first, then as the guide orders them. */
  choices: LayerChoice[];
}

/** What {@link GuideLayers.find} looks for; every given part must match. */
export interface LayerQuery {
  section?: string;
  layer?: string;
  /** Free text such as `relational database`. */
  need?: string;
}

interface IndexedLayer extends GuideLayer {
  line: number;
  sectionKey: string;
  layerKey: string;
  groupKey: string;
  /** Words of the layer's own name. */
  nameWords: Set<string>;
  /** Words of the layer, its group, its section and its technologies. */
  allWords: Set<string>;
}

function layerId(section: string, group: string | undefined, layer: string) {
  return JSON.stringify([section, group ?? '', layer]);
}

/**
 * The guide as layers, rebuilt from the Technology entities' `spec.layers`:
 * which technologies each layer lists and on which ring, in the guide's
 * order. Finds layers by section and layer name (by {@link layerNameKey}:
 * `Key-Value` = `key value`) and by a free-text need, and the places a
 * technology appears.
 */
export class GuideLayers {
  private readonly layers: IndexedLayer[];
  private readonly byTechnology = new Map<string, IndexedLayer[]>();

  constructor(technologies: Iterable<TechnologyInfo>) {
    const byId = new Map<string, IndexedLayer>();
    for (const technology of technologies) {
      for (const place of technology.layers) {
        const id = layerId(place.section, place.group, place.layer);
        let layer = byId.get(id);
        if (!layer) {
          layer = {
            section: place.section,
            ...(place.group ? { group: place.group } : {}),
            layer: place.layer,
            choices: [],
            line: place.line ?? Number.MAX_SAFE_INTEGER,
            sectionKey: layerNameKey(place.section),
            layerKey: layerNameKey(place.layer),
            groupKey: place.group ? layerNameKey(place.group) : '',
            nameWords: new Set(needWords(place.layer)),
            allWords: new Set([
              ...needWords(place.layer),
              ...needWords(place.group ?? ''),
              ...needWords(place.section),
            ]),
          };
          byId.set(id, layer);
        }
        layer.line = Math.min(layer.line, place.line ?? layer.line);
        if (!layer.choices.some(c => c.technology.ref === technology.ref)) {
          layer.choices.push({ technology, ring: place.ring });
          for (const name of [
            technology.title,
            technology.name,
            ...technology.aliases,
          ]) {
            needWords(name).forEach(w => layer!.allWords.add(w));
          }
        }
        const places = this.byTechnology.get(technology.ref) ?? [];
        if (!places.includes(layer)) places.push(layer);
        this.byTechnology.set(technology.ref, places);
      }
    }
    this.layers = [...byId.values()].sort((a, b) => a.line - b.line);
    for (const layer of this.layers) {
      layer.choices.sort(
        (a, b) =>
          compareRings(a.ring, b.ring) ||
          a.technology.title.localeCompare(b.technology.title),
      );
    }
  }

  /** Every section, in the guide's order. */
  sections(): string[] {
    return [...new Set(this.layers.map(l => l.section))];
  }

  /** Every layer, in the guide's order. */
  all(): GuideLayer[] {
    return this.layers.map(strip);
  }

  /** The layers a technology appears in. */
  placesOf(technologyRef: string): GuideLayer[] {
    return (this.byTechnology.get(technologyRef) ?? []).map(strip);
  }

  /**
   * The layers that match the query: a section (or a `###` group) and a
   * layer by name, and for a need the layers whose names, headings and
   * technologies share the most of its words (ties all returned, those
   * matching in the layer's own name first). Empty when nothing matches.
   */
  find(query: LayerQuery): GuideLayer[] {
    let candidates = this.layers;
    if (query.section) {
      const key = layerNameKey(query.section);
      candidates = candidates.filter(
        l => key && (l.sectionKey === key || l.groupKey === key),
      );
    }
    if (query.layer) {
      const key = layerNameKey(query.layer);
      candidates = candidates.filter(l => key && l.layerKey === key);
    }
    if (query.need) {
      const words = needWords(query.need);
      let best = 0;
      const scored: Array<{ layer: IndexedLayer; own: number; all: number }> =
        [];
      for (const layer of candidates) {
        const all = words.filter(w => layer.allWords.has(w)).length;
        if (all === 0) continue;
        const own = words.filter(w => layer.nameWords.has(w)).length;
        best = Math.max(best, all);
        scored.push({ layer, own, all });
      }
      candidates = scored
        .filter(s => s.all === best)
        .sort((a, b) => b.own - a.own || a.layer.line - b.layer.line)
        .map(s => s.layer);
    }
    return candidates.map(strip);
  }
}

function strip(layer: IndexedLayer): GuideLayer {
  return {
    section: layer.section,
    ...(layer.group ? { group: layer.group } : {}),
    layer: layer.layer,
    choices: layer.choices,
  };
}
