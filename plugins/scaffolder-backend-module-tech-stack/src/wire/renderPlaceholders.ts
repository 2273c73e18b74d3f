/** The values recipes may refer to as `{{ name }}`, `{{ owner }}`, `{{ system }}`. */
export type PlaceholderValues = Record<string, string | undefined>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w]*)\s*\}\}/g;

/**
 * Replaces `{{ key }}` in every string of a recipe value (keys included);
 * an unknown or absent key becomes the empty string.
 */
export function renderPlaceholders<T>(value: T, values: PlaceholderValues): T {
  const render = (input: unknown): unknown => {
    if (typeof input === 'string') {
      return input.replace(PLACEHOLDER, (_, key: string) => values[key] ?? '');
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
