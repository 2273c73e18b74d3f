import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  parseEntityRef,
} from '@backstage/catalog-model';
import { TECHNOLOGY_KIND } from '../entity';
import { MAX_TECHNOLOGY_NAME_LENGTH } from './technologyNameKey';

/**
 * Reads a reference to a Technology entity: `technology:default/redis`,
 * `default/redis` or `redis` (kind `Technology` and namespace `default` when
 * left out; the kind in any case). Returns `undefined` for a reference of
 * another kind, one that does not parse, and a text longer than
 * {@link MAX_TECHNOLOGY_NAME_LENGTH} characters.
 *
 * @public
 */
export function parseTechnologyRef(
  value: string,
): CompoundEntityRef | undefined {
  const text = value.trim();
  if (!text || text.length > MAX_TECHNOLOGY_NAME_LENGTH) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(text, {
      defaultKind: TECHNOLOGY_KIND,
      defaultNamespace: DEFAULT_NAMESPACE,
    });
    if (
      ref.kind.toLocaleLowerCase('en-US') !==
      TECHNOLOGY_KIND.toLocaleLowerCase('en-US')
    ) {
      return undefined;
    }
    return { kind: TECHNOLOGY_KIND, namespace: ref.namespace, name: ref.name };
  } catch {
    return undefined;
  }
}
