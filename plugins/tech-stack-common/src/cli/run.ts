import { InputError as LibraryInputError } from '@backstage/errors';
import { stringify } from 'yaml';
import {
  guideToTechnologyEntities,
  guideToTechRadarJson,
} from '../entities/guideToEntities';
import {
  defaultQuadrantGroups,
  parseQuadrantMap,
  QuadrantGroup,
  resolveQuadrantGroups,
} from '../entities/radarQuadrants';
import type { GuideModel } from '../model';
import { readByorCsv } from '../import/byorCsv';
import { checkImportedGuide } from '../import/checkImportedGuide';
import { radarToGuide } from '../import/radarToGuide';
import { readTechRadarJson } from '../import/techRadarJson';
import { DEFAULT_MAX_GUIDE_BYTES, parseGuide } from '../parser/parseGuide';
import { technologySlug } from '../parser/slug';
import {
  recipeCoverage,
  RecipeCoverageEntry,
  RecipeIndex,
} from '../recipes/recipeCoverage';
import { CliCommand, parseCliArgs, USAGE, UsageError } from './args';
import {
  MAX_CONFIG_BYTES,
  QUADRANTS_CONFIG_KEY,
  readQuadrantConfig,
} from './quadrantConfig';

/**
 * What the CLI needs from its environment (injected, so it can be tested).
 *
 * @public
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a local file; rejects with a Node-style error (`code`) when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  fetch(url: string): Promise<Response>;
  /**
   * The recipes of the scaffolder module installed where the CLI runs
   * (`tech-stack recipes`); rejects with a one-line reason when it is not.
   */
  loadRecipeIndex?(recipesDir?: string): Promise<RecipeIndex>;
}

/** Input that cannot be read: printed in one line, exit code 1. */
class InputError extends Error {}

const BINARY_SAMPLE = 8000;

/** The message of anything thrown (errors may come from another realm). */
function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : String(error);
}

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function describeFsError(error: unknown, path: string): string {
  const code = (error as { code?: string })?.code;
  if (code === 'ENOENT') return `no such file: ${path}`;
  if (code === 'EISDIR') return `is a directory: ${path}`;
  if (code === 'EACCES') return `permission denied: ${path}`;
  return `cannot read ${path}: ${errorMessage(error).split('\n')[0]}`;
}

async function readBytes(
  input: string,
  io: CliIo,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!isUrl(input)) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(input);
    } catch (error) {
      throw new InputError(describeFsError(error, input));
    }
    return bytes;
  }
  let response: Response;
  try {
    response = await io.fetch(input);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } })?.cause?.message;
    throw new InputError(
      `cannot fetch ${input}: ${cause ?? errorMessage(error)}`,
    );
  }
  if (!response.ok) {
    const status = `${response.status} ${response.statusText}`.trim();
    throw new InputError(`HTTP ${status} fetching ${input}`);
  }
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes) {
    throw new InputError(
      `input is too big: ${length} bytes (limit ${maxBytes})`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Decodes guide bytes (or those of another text input, `what`); rejects
 * binary and oversized input with a one-line reason.
 */
export function decodeGuideBytes(
  bytes: Uint8Array,
  maxBytes = DEFAULT_MAX_GUIDE_BYTES,
  what = 'a markdown guide',
): string {
  if (bytes.length > maxBytes) {
    throw new InputError(
      `input is too big: ${bytes.length} bytes (limit ${maxBytes})`,
    );
  }
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.includes(0)) {
    throw new InputError(
      `input looks binary (contains NUL bytes), not ${what}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: most likely a Windows-1252 file.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The guide id of a path or URL: its last segment without query, fragment or extension. */
function guideIdOf(input: string): string {
  const query = input.search(/[?#]/);
  const last =
    (query < 0 ? input : input.slice(0, query))
      .split(/[\\/]/)
      .filter(Boolean)
      .pop() ?? 'guide';
  const dot = last.lastIndexOf('.');
  return technologySlug(
    dot >= 0 && dot < last.length - 1 ? last.slice(0, dot) : last,
  );
}

/** Reads and decodes one input: a local file or an `http(s)` URL. */
async function readText(
  input: string,
  io: CliIo,
  maxBytes: number,
  what: string,
): Promise<string> {
  return decodeGuideBytes(await readBytes(input, io, maxBytes), maxBytes, what);
}

/** The quadrants of `--quadrants`, `--quadrant-map` or `--config`; a bad mapping is a {@link UsageError}. */
async function quadrantGroups(
  command: Extract<CliCommand, { kind: 'parse' }>,
  model: GuideModel,
  io: CliIo,
): Promise<QuadrantGroup[] | undefined> {
  const options = command.quadrants;
  if (!options) return undefined;
  let groups: QuadrantGroup[];
  let what: string;
  try {
    if (options.map !== undefined) {
      what = '--quadrant-map';
      groups = parseQuadrantMap(options.map);
    } else if (options.config !== undefined) {
      what = `${QUADRANTS_CONFIG_KEY} of ${options.config}`;
      const text = await readText(
        options.config,
        io,
        MAX_CONFIG_BYTES,
        'a YAML config file',
      );
      groups = readQuadrantConfig(text, options.config);
    } else {
      return defaultQuadrantGroups(model, options.count);
    }
    return resolveQuadrantGroups(model, groups, options.count, what);
  } catch (error) {
    if (error instanceof LibraryInputError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

async function renderGuide(
  command: Extract<CliCommand, { kind: 'parse' }>,
  text: string,
  io: CliIo,
): Promise<void> {
  const model = parseGuide(
    text,
    command.defaultRing ? { defaultRing: command.defaultRing } : {},
  );
  const quadrants = await quadrantGroups(command, model, io);
  for (const warning of model.warnings) {
    io.stderr(`line ${warning.line}: ${warning.message}\n`);
  }
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify(model, null, 2)}\n`);
  } else if (command.format === 'tech-radar-json') {
    io.stdout(
      `${JSON.stringify(
        guideToTechRadarJson(model, {
          ...(command.date ? { date: command.date } : {}),
          ...(quadrants ? { quadrants } : {}),
        }),
        null,
        2,
      )}\n`,
    );
  } else {
    const entities = guideToTechnologyEntities(model, {
      owner: command.owner,
      guideId: command.guideId ?? guideIdOf(command.input),
      sourceLocation: command.input,
      ...(command.namespace ? { namespace: command.namespace } : {}),
    });
    io.stdout(
      entities.map(entity => stringify(entity, { lineWidth: 0 })).join('---\n'),
    );
  }
}

const IMPORT_READERS = {
  'tech-radar-json': {
    read: readTechRadarJson,
    what: 'a tech radar JSON file',
  },
  'byor-csv': { read: readByorCsv, what: 'a Build Your Own Radar CSV file' },
} as const;

/**
 * `tech-stack import`: the radar as a guide on stdout; every entry that would
 * not come back as it went in (checked by parsing the guide written) as a
 * warning on stderr.
 */
function renderImport(
  command: Extract<CliCommand, { kind: 'import' }>,
  text: string,
  io: CliIo,
): void {
  const reader = IMPORT_READERS[command.from];
  const radar = reader.read(text);
  const guide = radarToGuide(radar, {
    source: reader.what,
    ...(command.title !== undefined ? { title: command.title } : {}),
  });
  for (const problem of checkImportedGuide(guide, parseGuide(guide.markdown))) {
    io.stderr(`warning: ${problem}\n`);
  }
  io.stdout(guide.markdown);
}

/** A markdown table cell: pipes escaped, line breaks as spaces. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

const STATUS_LABELS: Record<RecipeCoverageEntry['status'], string> = {
  recipe: 'recipe',
  'not-applicable': 'not applicable',
  missing: 'missing',
};

/** `tech-stack recipes --coverage`: the guide's technologies against the recipes. */
async function renderCoverage(
  command: Extract<CliCommand, { kind: 'recipes' }>,
  text: string,
  io: CliIo,
): Promise<void> {
  if (!io.loadRecipeIndex) {
    throw new InputError('recipes are not available in this environment');
  }
  const index = await io.loadRecipeIndex(command.recipesDir);
  const technologies = guideToTechnologyEntities(parseGuide(text), {
    owner: 'group:default/platform',
    guideId: guideIdOf(command.coverage),
  }).map(entity => ({
    name: entity.metadata.name,
    title: entity.metadata.title,
    aliases: entity.spec.aliases,
  }));
  const coverage = recipeCoverage(index, technologies);
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify(coverage, null, 2)}\n`);
  } else {
    const rows = coverage.map(entry => {
      let detail = 'recorded in catalog-info.yaml only';
      if (entry.status === 'recipe') {
        detail = entry.languages.length
          ? `client code: ${entry.languages.join(', ')}`
          : 'compose, collector and manifests; no client code';
      } else if (entry.status === 'not-applicable') {
        detail = entry.reason ?? '';
      }
      return `| ${cell(entry.title)} | ${STATUS_LABELS[entry.status]} | ${cell(
        detail,
      )} |`;
    });
    io.stdout(
      [
        '| technology | recipe | what a generated service gets |',
        '| --- | --- | --- |',
        ...rows,
        '',
      ].join('\n'),
    );
  }
  const count = (status: RecipeCoverageEntry['status']) =>
    coverage.filter(entry => entry.status === status).length;
  const withCode = coverage.filter(entry => entry.languages.length > 0).length;
  io.stderr(
    `${coverage.length} technologies: ${count(
      'recipe',
    )} with a recipe (${withCode} with client code), ${count(
      'not-applicable',
    )} not applicable, ${count('missing')} missing\n`,
  );
}

/**
 * Runs `tech-stack` with the given arguments. Returns the exit code: 0 on
 * success, 1 when an input cannot be read or converted, 2 on bad arguments
 * (a quadrant mapping that does not fit the guide included).
 *
 * @public
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tech-stack: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (command.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    if (command.kind === 'import') {
      const reader = IMPORT_READERS[command.from];
      const text = await readText(
        command.input,
        io,
        DEFAULT_MAX_GUIDE_BYTES,
        reader.what,
      );
      renderImport(command, text, io);
    } else if (command.kind === 'recipes') {
      const text = await readText(
        command.coverage,
        io,
        DEFAULT_MAX_GUIDE_BYTES,
        'a markdown guide',
      );
      await renderCoverage(command, text, io);
    } else {
      const text = await readText(
        command.input,
        io,
        DEFAULT_MAX_GUIDE_BYTES,
        'a markdown guide',
      );
      await renderGuide(command, text, io);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tech-stack: ${error.message}\n`);
      return 2;
    }
    io.stderr(`tech-stack: ${errorMessage(error).split('\n')[0]}\n`);
    return 1;
  }
}
