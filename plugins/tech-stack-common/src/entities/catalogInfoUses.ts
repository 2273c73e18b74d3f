import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { ANNOTATION_TECHSTACK_USES, parseUsesAnnotation } from '../entity';

/**
 * One entity of a catalog-info.yaml and the technologies its
 * `techstack.dev/uses` annotation declares.
 *
 * @public
 */
export interface CatalogInfoUses {
  /** `kind:namespace/name` (kind lower case), when the document has a kind and a name. */
  entityRef?: string;
  kind?: string;
  /** Whether the document has the `techstack.dev/uses` annotation at all. */
  annotated: boolean;
  /** The names, as the annotation writes them. */
  names: string[];
}

/**
 * The largest catalog-info.yaml read: 256 KB.
 *
 * @public
 */
export const MAX_CATALOG_INFO_BYTES = 256 * 1024;

/**
 * Reads the `techstack.dev/uses` declarations of every entity of a
 * catalog-info.yaml (one or more YAML documents). Throws an `InputError`
 * naming `label` and the line for text that is not YAML, and for text over
 * {@link MAX_CATALOG_INFO_BYTES}. Aliases are expanded at most 100 times
 * (the `yaml` package's bound), so a small file cannot blow up.
 *
 * @public
 */
export function readCatalogInfoUses(
  text: string,
  label = 'catalog-info.yaml',
): CatalogInfoUses[] {
  if (
    text.length > MAX_CATALOG_INFO_BYTES ||
    (text.length * 3 > MAX_CATALOG_INFO_BYTES &&
      new TextEncoder().encode(text).length > MAX_CATALOG_INFO_BYTES)
  ) {
    throw new InputError(
      `${label} is larger than ${MAX_CATALOG_INFO_BYTES / 1024} KB`,
    );
  }
  const result: CatalogInfoUses[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: true })) {
    if (!('errors' in doc)) continue;
    if (doc.errors.length > 0) {
      const [error] = doc.errors;
      throw new InputError(
        `${label} is not valid YAML: ${error.message.split('\n')[0]}`,
      );
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as {
      kind?: unknown;
      metadata?: {
        name?: unknown;
        namespace?: unknown;
        annotations?: Record<string, unknown>;
      };
    } | null;
    if (!value || typeof value !== 'object') continue;
    const annotation = value.metadata?.annotations?.[ANNOTATION_TECHSTACK_USES];
    const kind = typeof value.kind === 'string' ? value.kind : undefined;
    const name =
      typeof value.metadata?.name === 'string'
        ? value.metadata.name
        : undefined;
    const namespace =
      typeof value.metadata?.namespace === 'string'
        ? value.metadata.namespace
        : 'default';
    result.push({
      ...(kind && name
        ? {
            entityRef: `${kind.toLocaleLowerCase(
              'en-US',
            )}:${namespace}/${name}`,
          }
        : {}),
      ...(kind ? { kind } : {}),
      annotated: typeof annotation === 'string',
      names: parseUsesAnnotation(
        typeof annotation === 'string' ? annotation : undefined,
      ),
    });
  }
  return result;
}
