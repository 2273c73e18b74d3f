/**
 * YAML for plain data (maps, lists, strings, numbers, booleans, null), in
 * block style. A string is written plain only when YAML reads it back as the
 * same string; otherwise double-quoted (JSON string syntax is valid YAML).
 * Much faster than a general YAML library for the files `tech-stack:wire`
 * creates; files that exist are merged with the `yaml` library instead, to
 * keep their comments.
 */
export function toYaml(value: unknown): string {
  const lines: string[] = [];
  emit(value, 0, lines);
  return `${lines.join('\n')}\n`;
}

const PLAIN = /^[A-Za-z_/][\w./@+-]*(?:[ :,=-]+[\w./@+{}$()*-]+)*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.inf|\.nan))$/i;
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0x[\da-f]+$|^0o[0-7]+$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (
    text !== '' &&
    PLAIN.test(text) &&
    !RESERVED.test(text) &&
    !NUMBER.test(text) &&
    !text.includes(': ') &&
    !text.endsWith(':') &&
    !text.includes(' #')
  ) {
    return text;
  }
  return JSON.stringify(text);
}

function key(name: string): string {
  return scalar(name);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
}

function emit(value: unknown, indent: number, lines: string[]) {
  const pad = ' '.repeat(indent);
  if (isMap(value)) {
    for (const [name, child] of Object.entries(value)) {
      if (child === undefined) continue;
      if (isEmptyCollection(child)) {
        lines.push(`${pad}${key(name)}: ${Array.isArray(child) ? '[]' : '{}'}`);
      } else if (isMap(child) || Array.isArray(child)) {
        lines.push(`${pad}${key(name)}:`);
        emit(child, Array.isArray(child) ? indent : indent + 2, lines);
      } else {
        lines.push(`${pad}${key(name)}: ${scalar(child)}`);
      }
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isEmptyCollection(item)) {
        lines.push(`${pad}- ${Array.isArray(item) ? '[]' : '{}'}`);
      } else if (isMap(item) || Array.isArray(item)) {
        const nested: string[] = [];
        emit(item, indent + 2, nested);
        lines.push(`${pad}- ${nested[0].slice(indent + 2)}`, ...nested.slice(1));
      } else {
        lines.push(`${pad}- ${scalar(item)}`);
      }
    }
    return;
  }
  lines.push(`${pad}${scalar(value)}`);
}
