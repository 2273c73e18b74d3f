import { isRing, Ring } from '../types';

/** Output formats of `tech-stack parse`. */
export const OUTPUT_FORMATS = [
  'json',
  'catalog-yaml',
  'tech-radar-json',
] as const;

/** An output format of `tech-stack parse`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Parsed command line of `tech-stack`. */
export type CliCommand =
  | { kind: 'help' }
  | {
      kind: 'parse';
      input: string;
      format: OutputFormat;
      owner: string;
      guideId?: string;
      namespace?: string;
      defaultRing?: Ring;
      date?: string;
    };

/** The usage text printed by `--help`. */
export const USAGE = `Usage: yarn tech-stack parse <file|url> [options]

Parses a technology stack guide (markdown) and prints it as:
  json             the guide model with its warnings (default)
  catalog-yaml     Technology entities, one YAML document each
  tech-radar-json  data for @backstage-community/plugin-tech-radar

Options:
  --format <format>       json | catalog-yaml | tech-radar-json
  --owner <ref>           owner of the Technology entities (default group:default/platform)
  --guide-id <id>         id written to the techstack.dev/guide annotation (default: file name)
  --namespace <ns>        namespace of the Technology entities
  --default-ring <ring>   ring of unranked entries: adopt | trial | assess | hold (default trial)
  --date <yyyy-mm-dd>     timeline date of tech-radar-json entries (default: front matter or today)
  -h, --help              show this help

Warnings go to stderr as "line N: message". Exit code 1: unreadable input; 2: bad arguments.`;

/** A command-line problem: printed in one line, exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = [
  'format',
  'owner',
  'guide-id',
  'namespace',
  'default-ring',
  'date',
];

/**
 * Parses the arguments of `tech-stack` (without `node` and the script).
 * Throws {@link UsageError} with a one-line reason on bad arguments.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      return { kind: 'help' };
    }
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (!VALUE_OPTIONS.includes(name)) {
        throw new UsageError(`unknown option --${name} (see --help)`);
      }
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') {
        throw new UsageError(`option --${name} needs a value`);
      }
      values.set(name, value);
      continue;
    }
    positional.push(arg);
  }
  if (positional.length === 0) {
    if (values.size > 0) {
      throw new UsageError('missing command "parse" (see --help)');
    }
    return { kind: 'help' };
  }
  const [command, input, ...extra] = positional;
  if (command !== 'parse') {
    throw new UsageError(
      `unknown command "${command}" (expected "parse"; see --help)`,
    );
  }
  if (!input) {
    throw new UsageError('parse needs a file path or URL');
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  const format = values.get('format') ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `unknown format "${format}" (expected ${OUTPUT_FORMATS.join(', ')})`,
    );
  }
  const defaultRing = values.get('default-ring');
  if (defaultRing !== undefined && !isRing(defaultRing)) {
    throw new UsageError(
      `unknown ring "${defaultRing}" (expected adopt, trial, assess or hold)`,
    );
  }
  const date = values.get('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UsageError(`--date must be yyyy-mm-dd, got "${date}"`);
  }
  return {
    kind: 'parse',
    input,
    format: format as OutputFormat,
    owner: values.get('owner') ?? 'group:default/platform',
    ...(values.has('guide-id') ? { guideId: values.get('guide-id') } : {}),
    ...(values.has('namespace') ? { namespace: values.get('namespace') } : {}),
    ...(defaultRing ? { defaultRing } : {}),
    ...(date ? { date } : {}),
  };
}
