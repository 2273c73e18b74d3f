import type { CatalogCollatorEntityTransformer } from '@backstage/plugin-search-backend-module-catalog';
import {
  isRing,
  Ring,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import {
  MAX_LAYER_NAME_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROSE_LENGTH,
  MAX_TECHNOLOGY_DOCUMENT_ALIASES,
  MAX_TECHNOLOGY_DOCUMENT_LAYERS,
  MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH,
} from './limits';
import { plainText } from './plainText';

/**
 * One place a technology appears in the guide, as its search document
 * carries it (plain text, capped).
 *
 * @public
 */
export type TechnologySearchDocumentLayer = {
  /** The `##` section: a radar sector. */
  section: string;
  /** The `###` heading inside the section, if any. */
  group?: string;
  /** The table row or diagram subgraph. */
  layer: string;
  /** The ring the technology holds there. */
  ring: Ring;
};

/**
 * The search document of a `Technology` entity: the catalog collator's
 * document fields (`kind: Technology`, `type` and `owner` from the spec), the
 * technology's title, a `text` that carries everything it is found by, and
 * the ring, aliases and layers as fields of their own for result items.
 *
 * @public
 */
export type TechnologySearchDocument =
  ReturnType<CatalogCollatorEntityTransformer> & {
    /** The best ring the technology holds anywhere in the guide. */
    ring: Ring;
    /** Why the organisation set the ring (an override), if it did. */
    ringReason?: string;
    /** Other names it goes by (at most {@link MAX_TECHNOLOGY_DOCUMENT_ALIASES}). */
    aliases: string[];
    /** Every place it appears (at most {@link MAX_TECHNOLOGY_DOCUMENT_LAYERS}). */
    layers: TechnologySearchDocumentLayer[];
  };

/** What the untyped parts of an entity look like before they are checked. */
type Unchecked = Record<string, unknown>;

function asRecord(value: unknown): Unchecked | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Unchecked)
    : undefined;
}

/** The first `max` items of `value` when it is an array (without reading the rest). */
function firstItems(value: unknown, max: number): unknown[] {
  return Array.isArray(value) ? value.slice(0, max) : [];
}

/** `text` ending in a full stop (unless it ends in one of `.!?…` already; `text` is not empty). */
function sentence(text: string): string {
  return '.!?…'.includes(text.charAt(text.length - 1)) ? text : `${text}.`;
}

function readAliases(spec: Unchecked, title: string): string[] {
  const seen = new Set<string>([title.toLocaleLowerCase('en-US')]);
  const aliases: string[] = [];
  for (const item of firstItems(
    spec.aliases,
    MAX_TECHNOLOGY_DOCUMENT_ALIASES,
  )) {
    const alias = plainText(item, MAX_NAME_LENGTH);
    const key = alias.toLocaleLowerCase('en-US');
    if (alias && !seen.has(key)) {
      seen.add(key);
      aliases.push(alias);
    }
  }
  return aliases;
}

function readLayers(spec: Unchecked): TechnologySearchDocumentLayer[] {
  const layers: TechnologySearchDocumentLayer[] = [];
  for (const item of firstItems(spec.layers, MAX_TECHNOLOGY_DOCUMENT_LAYERS)) {
    const raw = asRecord(item);
    if (!raw || !isRing(raw.ring)) continue;
    const section = plainText(raw.section, MAX_LAYER_NAME_LENGTH);
    const group = plainText(raw.group, MAX_LAYER_NAME_LENGTH);
    const layer = plainText(raw.layer, MAX_LAYER_NAME_LENGTH);
    if (!section || !layer) continue;
    layers.push({
      section,
      ...(group ? { group } : {}),
      layer,
      ring: raw.ring,
    });
  }
  return layers;
}

/** `Section › Group › Layer (ring)`; a name that repeats the one before it is said once. */
function layerPath({
  section,
  group,
  layer,
  ring,
}: TechnologySearchDocumentLayer): string {
  const names: string[] = [];
  for (const name of [section, group, layer]) {
    if (name && name !== names[names.length - 1]) names.push(name);
  }
  return `${names.join(' › ')} (${ring})`;
}

/**
 * The text a Technology is found by and that its search result shows, e.g.
 * `Also known as W&B, WandB. Ring: trial. Layers: AI/ML Infrastructure ›
 * MLOps › Experiment (trial). Sections: AI/ML Infrastructure.`
 */
function documentText(options: {
  description: string;
  aliases: string[];
  ring: Ring;
  ringReason: string;
  layers: TechnologySearchDocumentLayer[];
}): string {
  const { description, aliases, ring, ringReason, layers } = options;
  const parts: string[] = [];
  if (description) parts.push(sentence(description));
  if (aliases.length > 0) {
    parts.push(`Also known as ${aliases.join(', ')}.`);
  }
  parts.push(
    ringReason ? sentence(`Ring: ${ring} — ${ringReason}`) : `Ring: ${ring}.`,
  );
  if (layers.length > 0) {
    parts.push(`Layers: ${layers.map(layerPath).join('; ')}.`);
    const sections = [...new Set(layers.map(l => l.section))];
    parts.push(`Sections: ${sections.join(', ')}.`);
  }
  return plainText(parts.join(' '), MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH);
}

/**
 * The search document of a `Technology` entity, or `undefined` when its spec
 * has no valid ring (the catalog's processor rejects such an entity; callers
 * fall back to Backstage's default document).
 *
 * Everything comes from guide content and is untrusted: each field is read
 * as plain text (no markup, no control characters) with a cap, only the
 * first {@link MAX_TECHNOLOGY_DOCUMENT_ALIASES} aliases and
 * {@link MAX_TECHNOLOGY_DOCUMENT_LAYERS} layers are read, and the text is at
 * most {@link MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH} characters, so the
 * document stays small whatever the entity holds. Aliases are kept as
 * written: search engines match them case-insensitively (Lunr lower-cases
 * every token), so `wandb` finds `WandB`.
 *
 * @public
 */
export function technologySearchDocument(
  entity: TechnologyEntity,
): TechnologySearchDocument | undefined {
  const spec = asRecord(entity.spec) ?? {};
  const ring = spec.ring;
  if (!isRing(ring)) return undefined;
  const { metadata } = entity;
  const title =
    plainText(metadata.title, MAX_NAME_LENGTH) ||
    plainText(metadata.name, MAX_NAME_LENGTH);
  const ringReason = plainText(spec.ringReason, MAX_PROSE_LENGTH);
  const aliases = readAliases(spec, title);
  const layers = readLayers(spec);
  const type = plainText(spec.type, MAX_NAME_LENGTH) || 'other';
  return {
    title,
    text: documentText({
      description: plainText(
        metadata.description ?? spec.description,
        MAX_PROSE_LENGTH,
      ),
      aliases,
      ring,
      ringReason,
      layers,
    }),
    componentType: type,
    type,
    namespace: plainText(metadata.namespace, MAX_NAME_LENGTH) || 'default',
    kind: entity.kind,
    lifecycle: '',
    owner: plainText(spec.owner, MAX_NAME_LENGTH),
    ring,
    ...(ringReason ? { ringReason } : {}),
    aliases,
    layers,
  };
}
