import { stringify } from 'yaml';
import {
  guideToTechnologyEntities,
  guideToTechRadarJson,
} from '../entities/guideToEntities';
import { DEFAULT_MAX_GUIDE_BYTES, parseGuide } from '../parser/parseGuide';
import { technologySlug } from '../parser/slug';
import { CliCommand, parseCliArgs, USAGE, UsageError } from './args';

/** What the CLI needs from its environment (injected, so it can be tested). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a local file; rejects with a Node-style error (`code`) when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  fetch(url: string): Promise<Response>;
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

/** Decodes guide bytes; rejects binary and oversized input with a one-line reason. */
export function decodeGuideBytes(
  bytes: Uint8Array,
  maxBytes = DEFAULT_MAX_GUIDE_BYTES,
): string {
  if (bytes.length > maxBytes) {
    throw new InputError(
      `input is too big: ${bytes.length} bytes (limit ${maxBytes})`,
    );
  }
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  if (sample.includes(0)) {
    throw new InputError(
      'input looks binary (contains NUL bytes), not a markdown guide',
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

function render(
  command: Extract<CliCommand, { kind: 'parse' }>,
  text: string,
  io: CliIo,
): void {
  const model = parseGuide(
    text,
    command.defaultRing ? { defaultRing: command.defaultRing } : {},
  );
  for (const warning of model.warnings) {
    io.stderr(`line ${warning.line}: ${warning.message}\n`);
  }
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify(model, null, 2)}\n`);
  } else if (command.format === 'tech-radar-json') {
    io.stdout(
      `${JSON.stringify(
        guideToTechRadarJson(model, command.date ? { date: command.date } : {}),
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

/**
 * Runs `tech-stack` with the given arguments. Returns the exit code: 0 on
 * success, 1 when the input cannot be read or parsed, 2 on bad arguments.
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
    const bytes = await readBytes(command.input, io, DEFAULT_MAX_GUIDE_BYTES);
    render(command, decodeGuideBytes(bytes), io);
    return 0;
  } catch (error) {
    io.stderr(`tech-stack: ${errorMessage(error).split('\n')[0]}\n`);
    return 1;
  }
}
