import { MAX_HEADING_LENGTH } from '../parser/limits';
import { foldName } from './technologyNameKey';

/**
 * The key layer, section and group names are matched by: the rule of
 * {@link technologyNameKey} (`Key-Value` = `key value` = `KeyValue`), bounded
 * by the longest heading the parser keeps ({@link MAX_HEADING_LENGTH}
 * characters): a longer text has the key `''`, which matches nothing.
 *
 * @public
 */
export function layerNameKey(name: string): string {
  if (name.length > MAX_HEADING_LENGTH) {
    return '';
  }
  return foldName(name);
}
