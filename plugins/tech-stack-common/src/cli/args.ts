import { MAX_QUADRANTS } from '../entities/radarQuadrants';
import { isRing, Ring } from '../types';

/** Output formats of `tech-stack parse`. */
export const OUTPUT_FORMATS = [
  'json',
  'catalog-yaml',
  'tech-radar-json',
] as const;

/** An output format of `tech-stack parse`. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Input formats of `tech-stack import`. */
export const IMPORT_FORMATS = ['tech-radar-json', 'byor-csv'] as const;

/** An input format of `tech-stack import`. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How `tech-stack parse --format tech-radar-json` groups sections into quadrants. */
export interface QuadrantOptions {
  /** At most this many quadrants. */
  count: number;
  /** `--quadrant-map` as given (checked against the guide after parsing). */
  map?: string;
  /** `--config`: a YAML file holding `techStack.export.quadrants`. */
  config?: string;
}

/** Output formats of `tech-stack recipes --coverage`. */
export const COVERAGE_FORMATS = ['table', 'json'] as const;

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
      quadrants?: QuadrantOptions;
    }
  | {
      kind: 'import';
      input: string;
      from: ImportFormat;
      title?: string;
    }
  | {
      kind: 'recipes';
      /** The guide whose technologies are looked up. */
      coverage: string;
      recipesDir?: string;
      format: (typeof COVERAGE_FORMATS)[number];
    };

/** The usage text printed by `--help`. */
export const USAGE = `Usage: tech-stack parse <file|url> [options]
       tech-stack import <file|url> --from tech-radar-json|byor-csv [--title <title>]
       tech-stack recipes --coverage <file|url> [--recipes-dir <dir>] [--format table|json]

parse reads a technology stack guide (markdown) and prints it as:
  json             the guide model with its warnings (default)
  catalog-yaml     Technology entities, one YAML document each
  tech-radar-json  data for @backstage-community/plugin-tech-radar

Options of parse:
  --format <format>       json | catalog-yaml | tech-radar-json
  --owner <ref>           owner of the Technology entities (default group:default/platform)
  --guide-id <id>         id written to the techstack.dev/guide annotation (default: file name)
  --namespace <ns>        namespace of the Technology entities
  --default-ring <ring>   ring of unranked entries: adopt | trial | assess | hold (default trial)
  --date <yyyy-mm-dd>     timeline date of tech-radar-json entries (default: front matter or today)
  --quadrants <n>         tech-radar-json: at most n quadrants (4 for the community radar);
                          by default the sections in guide order, grouped by entry count
  --quadrant-map <map>    tech-radar-json: "Section name=Quadrant name;..." (implies --quadrants 4)
  --config <file>         tech-radar-json: the mapping from techStack.export.quadrants of a
                          YAML file such as app-config.yaml (implies --quadrants 4)

import reads a community tech-radar JSON file or a "Build Your Own Radar" CSV file
(name,ring,quadrant,isNew,description) and prints a guide: one section per quadrant.
  --from <format>         tech-radar-json | byor-csv
  --title <title>         the guide's title (default: the radar's, else "Technology Radar")

recipes --coverage reads a guide and prints, per technology, what the scaffolder's
recipes do for it: a recipe (and the languages with client code), not applicable
(with the reason), or missing. Needs @techstack/plugin-scaffolder-backend-module-tech-stack
installed where it runs (the recipes ship with it).
  --coverage <file|url>   the guide
  --recipes-dir <dir>     the organisation's recipes (techStack.scaffolder.recipesDir)
  --format <format>       table (markdown, default) | json

  -h, --help              show this help

Warnings go to stderr. Exit code 1: unreadable input; 2: bad arguments.`;

/** A command-line problem: printed in one line, exit code 2. */
export class UsageError extends Error {}

const OPTIONS: Record<'parse' | 'import' | 'recipes', readonly string[]> = {
  parse: [
    'format',
    'owner',
    'guide-id',
    'namespace',
    'default-ring',
    'date',
    'quadrants',
    'quadrant-map',
    'config',
  ],
  import: ['from', 'title'],
  recipes: ['coverage', 'recipes-dir', 'format'],
};
const ALL_OPTIONS = new Set([
  ...OPTIONS.parse,
  ...OPTIONS.import,
  ...OPTIONS.recipes,
]);
const COMMANDS = Object.keys(OPTIONS);

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  what: string,
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(
      `unknown ${what} "${value}" (expected ${allowed.join(', ')})`,
    );
  }
  return value as T;
}

function quadrantOptions(
  values: Map<string, string>,
  format: OutputFormat,
): QuadrantOptions | undefined {
  const count = values.get('quadrants');
  const map = values.get('quadrant-map');
  const config = values.get('config');
  if (count === undefined && map === undefined && config === undefined) {
    return undefined;
  }
  if (format !== 'tech-radar-json') {
    throw new UsageError(
      '--quadrants, --quadrant-map and --config apply to --format tech-radar-json only',
    );
  }
  if (map !== undefined && config !== undefined) {
    throw new UsageError('use --quadrant-map or --config, not both');
  }
  let n = 4;
  if (count !== undefined) {
    n = Number(count);
    if (!/^[0-9]{1,3}$/.test(count) || n < 1 || n > MAX_QUADRANTS) {
      throw new UsageError(
        `--quadrants must be a whole number from 1 to ${MAX_QUADRANTS}, got "${count}"`,
      );
    }
  }
  return {
    count: n,
    ...(map !== undefined ? { map } : {}),
    ...(config !== undefined ? { config } : {}),
  };
}

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
      if (!ALL_OPTIONS.has(name)) {
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
      throw new UsageError(
        'missing command "parse", "import" or "recipes" (see --help)',
      );
    }
    return { kind: 'help' };
  }
  const [command, input, ...extra] = positional;
  if (command !== 'parse' && command !== 'import' && command !== 'recipes') {
    throw new UsageError(
      `unknown command "${command}" (expected ${COMMANDS.map(
        c => `"${c}"`,
      ).join(' or ')}; see --help)`,
    );
  }
  for (const name of values.keys()) {
    if (!OPTIONS[command].includes(name)) {
      throw new UsageError(`option --${name} does not apply to ${command}`);
    }
  }
  if (command === 'recipes') {
    if (input) {
      throw new UsageError(`unexpected argument "${input}"`);
    }
    const coverage = values.get('coverage');
    if (coverage === undefined) {
      throw new UsageError('recipes needs --coverage <guide file or URL>');
    }
    return {
      kind: 'recipes',
      coverage,
      ...(values.has('recipes-dir')
        ? { recipesDir: values.get('recipes-dir') }
        : {}),
      format: oneOf(
        values.get('format') ?? 'table',
        COVERAGE_FORMATS,
        'format',
      ),
    };
  }
  if (!input) {
    throw new UsageError(`${command} needs a file path or URL`);
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"`);
  }
  if (command === 'import') {
    const from = values.get('from');
    if (from === undefined) {
      throw new UsageError(
        `import needs --from (${IMPORT_FORMATS.join(' or ')})`,
      );
    }
    const title = values.get('title');
    return {
      kind: 'import',
      input,
      from: oneOf(from, IMPORT_FORMATS, '--from format'),
      ...(title !== undefined ? { title } : {}),
    };
  }
  const format = oneOf(
    values.get('format') ?? 'json',
    OUTPUT_FORMATS,
    'format',
  );
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
  const quadrants = quadrantOptions(values, format);
  return {
    kind: 'parse',
    input,
    format,
    owner: values.get('owner') ?? 'group:default/platform',
    ...(values.has('guide-id') ? { guideId: values.get('guide-id') } : {}),
    ...(values.has('namespace') ? { namespace: values.get('namespace') } : {}),
    ...(defaultRing ? { defaultRing } : {}),
    ...(date ? { date } : {}),
    ...(quadrants ? { quadrants } : {}),
  };
}
