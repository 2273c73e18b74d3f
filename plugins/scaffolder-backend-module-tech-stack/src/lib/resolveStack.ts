import { InputError } from '@backstage/errors';
import type { Ring } from '@techstack/plugin-tech-stack-common';
import {
  LayerEntry,
  StackLayer,
  TechnologyLookup,
  technologyRef,
  technologyTitle,
} from './TechnologyLookup';

/** The choice word that picks a layer's recommended technology. */
export const RECOMMENDED = 'recommended';

/** One layer choice of a stack request. */
export interface LayerChoice {
  /** The layer name as the guide writes it (`Relational`, `Key-Value`). */
  layer: string;
  /** A technology name, alias, slug or entity ref, or `recommended`. */
  choice: string;
  /** Narrows a layer name that occurs in several sections. */
  section?: string;
  /** Narrows a layer name that occurs in several groups. */
  group?: string;
}

/**
 * One resolved layer of a stack: the output of `tech-stack:resolve`.
 *
 * @public
 */
export interface StackItem {
  layer: string;
  section: string;
  group?: string;
  /** `technology:default/postgresql` */
  ref: string;
  /** The slug: `postgresql`. */
  name: string;
  /** The name as the guide writes it: `PostgreSQL`. */
  title: string;
  /** The ring the technology holds in this layer. */
  ring: Ring;
}

/** What {@link resolveStack} returns. */
export interface ResolvedStack {
  stack: StackItem[];
  /** Trial and assess choices, and layers without an adopt technology. */
  warnings: string[];
}

/** The text without trailing full stops and white space (a string loop: linear). */
function withoutFinalStop(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1].trim() === '')) {
    end--;
  }
  return text.slice(0, end).trim();
}

function describe(entry: LayerEntry): string {
  return `${technologyTitle(entry.entity)} (${entry.ring})`;
}

function layerLabel(layer: StackLayer): string {
  return [layer.section, layer.group, layer.layer].filter(Boolean).join(' › ');
}

function toItem(layer: StackLayer, entry: LayerEntry): StackItem {
  return {
    layer: layer.layer,
    section: layer.section,
    ...(layer.group ? { group: layer.group } : {}),
    ref: technologyRef(entry.entity),
    name: entry.entity.metadata.name,
    title: technologyTitle(entry.entity),
    ring: entry.ring,
  };
}

/**
 * Resolves a choice per layer against the live Technology entities. Throws an
 * `InputError` listing every problem, each naming its field
 * (`layers.<Layer>`): unknown or ambiguous layers, unknown technologies (with
 * the valid choices), and `hold` technologies (with the reason and the adopt
 * alternatives).
 */
export function resolveStack(
  lookup: TechnologyLookup,
  choices: LayerChoice[],
): ResolvedStack {
  const stack: StackItem[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];

  for (const request of choices) {
    const field = `layers.${request.layer}`;
    const layers = lookup.findLayers(request.layer, request);
    if (layers.length === 0) {
      const valid = [...new Set(lookup.layers.map(l => l.layer))];
      problems.push(
        `${field}: there is no layer "${request.layer}"${
          request.section || request.group ? ' in that section' : ''
        } in the technology stack; valid layers: ${
          valid.join(', ') || 'none (no Technology entities in the catalog)'
        }`,
      );
      continue;
    }
    if (layers.length > 1) {
      problems.push(
        `${field}: "${request.layer}" is a layer of several sections (${layers
          .map(layerLabel)
          .join('; ')}); add "section" (and "group") to choose one`,
      );
      continue;
    }
    const [layer] = layers;
    const validChoices = layer.entries.map(describe).join(', ');

    let entry: LayerEntry | undefined;
    const recommended =
      request.choice.trim().toLocaleLowerCase('en-US') === RECOMMENDED;
    if (recommended) {
      entry = lookup.recommended(layer);
      if (!entry) {
        problems.push(
          `${field}: layer ${layer.layer} has no technology that is not on hold; its technologies: ${validChoices}`,
        );
        continue;
      }
      if (entry.ring !== 'adopt') {
        warnings.push(
          `${field}: layer ${
            layer.layer
          } has no adopt technology; the recommended choice is ${describe(
            entry,
          )}`,
        );
      }
    } else {
      const entity = lookup.find(request.choice);
      entry = entity && layer.entries.find(e => e.entity === entity);
      if (!entry) {
        const elsewhere = entity
          ? ` (${technologyTitle(entity)} is placed in ${entity.spec.layers
              .map(l => l.layer)
              .join(', ')})`
          : '';
        problems.push(
          `${field}: "${request.choice}" is not a technology of layer ${layer.layer}${elsewhere}; valid choices: ${validChoices}, or "${RECOMMENDED}"`,
        );
        continue;
      }
    }

    if (entry.ring === 'hold') {
      const alternatives = layer.entries.filter(e => e.ring === 'adopt');
      const fallback = layer.entries.filter(e => e.ring !== 'hold');
      const reason = withoutFinalStop(entry.entity.spec.ringReason ?? '');
      problems.push(
        `${field}: ${technologyTitle(entry.entity)} is on hold${
          reason ? `: ${reason}` : ''
        }. ${
          alternatives.length > 0
            ? `Adopt instead: ${alternatives
                .map(e => technologyTitle(e.entity))
                .join(', ')}`
            : `Choose instead: ${fallback.map(describe).join(', ') || 'none'}`
        }`,
      );
      continue;
    }
    if (!recommended && (entry.ring === 'trial' || entry.ring === 'assess')) {
      const adopt = layer.entries.filter(e => e.ring === 'adopt');
      warnings.push(
        `${field}: ${technologyTitle(entry.entity)} is in ${
          entry.ring
        } for layer ${layer.layer}${
          adopt.length > 0
            ? `; the adopted choice is ${adopt
                .map(e => technologyTitle(e.entity))
                .join(', ')}`
            : ''
        }`,
      );
    }
    stack.push(toItem(layer, entry));
  }

  if (problems.length > 0) {
    throw new InputError(problems.join('\n'));
  }
  return { stack, warnings };
}

/** The `techstack.dev/uses` value for a stack: its slugs, comma-separated, without repeats. */
export function usesOf(stack: Array<Pick<StackItem, 'name'>>): string {
  return [...new Set(stack.map(item => item.name))].join(', ');
}
