/** The values recipes may refer to as `{{ name }}`, `{{ owner }}`, `{{ system }}`. */
export type PlaceholderValues = Record<string, string | undefined>;

function isKeyChar(char: string, first: boolean): boolean {
  return (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z') ||
    (!first && ((char >= '0' && char <= '9') || char === '_'))
  );
}

/**
 * The key of a placeholder body (`{{` and `}}` removed): a letter, then
 * letters, digits or `_`, with spaces or tabs around; undefined otherwise.
 */
function placeholderKey(body: string): string | undefined {
  const key = body.trim();
  if (key === '') return undefined;
  for (let i = 0; i < key.length; i++) {
    if (!isKeyChar(key[i], i === 0)) return undefined;
  }
  return key;
}

/**
 * Replaces every `{{ key }}` of one string in a single left-to-right pass:
 * each step finds the next `}}` and the last `{{` before it, so no character
 * is looked at more than a few times (linear in the length). Text that is
 * not a placeholder stays as it is.
 */
function renderString(input: string, values: PlaceholderValues): string {
  let out = '';
  let from = 0;
  for (;;) {
    const first = input.indexOf('{{', from);
    if (first < 0) break;
    const close = input.indexOf('}}', first + 2);
    if (close < 0) break;
    const open = input.lastIndexOf('{{', close - 2);
    const key = placeholderKey(input.slice(open + 2, close));
    out +=
      key === undefined
        ? input.slice(from, close + 2)
        : input.slice(from, open) + (values[key] ?? '');
    from = close + 2;
  }
  return out + input.slice(from);
}

/**
 * Replaces `{{ key }}` in every string of a recipe value (keys included);
 * an unknown or absent key becomes the empty string. Inserted values are not
 * scanned again.
 */
export function renderPlaceholders<T>(value: T, values: PlaceholderValues): T {
  const render = (input: unknown): unknown => {
    if (typeof input === 'string') {
      return renderString(input, values);
    }
    if (Array.isArray(input)) {
      return input.map(render);
    }
    if (typeof input === 'object' && input !== null) {
      return Object.fromEntries(
        Object.entries(input).map(([k, v]) => [render(k) as string, render(v)]),
      );
    }
    return input;
  };
  return render(value) as T;
}
