import { InputError } from '@backstage/errors';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** Objects used twice are written twice, never as YAML anchors and aliases. */
const NODE_OPTIONS = { aliasDuplicateObjects: false } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(doc: Document, path: string[], value: unknown): boolean {
  const node = doc.getIn(path, true);
  if (
    node === undefined ||
    node === null ||
    (isScalar(node) && (node.value === null || node.value === undefined))
  ) {
    doc.setIn(path, doc.createNode(value, NODE_OPTIONS));
    return true;
  }
  let changed = false;
  if (isMap(node) && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      changed = mergeInto(doc, [...path, key], child) || changed;
    }
    return changed;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const existing = node.toJSON() as unknown[];
    for (const item of value) {
      if (!existing.some(present => isDeepStrictEqual(present, item))) {
        doc.addIn(path, doc.createNode(item, NODE_OPTIONS));
        existing.push(item);
        changed = true;
      }
    }
  }
  // A scalar, or a value of another shape: what is there is kept.
  return changed;
}

/**
 * Merges `addition` into the YAML text of an existing file, keeping what is
 * there: maps are merged key by key, list items are added unless an equal
 * item is present, and existing scalars win. Comments and order survive.
 * Without existing text, the addition is the file. `changed` says whether
 * anything was added.
 */
export function mergeYaml(
  existing: string | undefined,
  addition: Record<string, unknown>,
  file: string,
): { doc: Document; changed: boolean } {
  if (existing === undefined || existing.trim() === '') {
    return {
      doc: new Document(addition, { aliasDuplicateObjects: false }),
      changed: true,
    };
  }
  const doc = parseDocument(existing);
  if (doc.errors.length > 0) {
    throw new InputError(
      `${file} is not valid YAML, so it cannot be merged: ${doc.errors[0].message}`,
    );
  }
  if (doc.contents === null) {
    return {
      doc: new Document(addition, { aliasDuplicateObjects: false }),
      changed: true,
    };
  }
  if (!isMap(doc.contents)) {
    throw new InputError(
      `${file} does not hold a YAML map, so it cannot be merged`,
    );
  }
  let changed = false;
  for (const [key, value] of Object.entries(addition)) {
    changed = mergeInto(doc, [key], value) || changed;
  }
  return { doc, changed };
}
