import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_TECHSTACK_USES,
  parseUsesAnnotation,
  technologyNameKey,
} from '@techstack/plugin-tech-stack-common';
import fs from 'fs-extra';
import { readIfExists } from '../lib/readIfExists';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mergeEnv } from './mergeEnv';
import { mergeYaml } from './mergeYaml';
import { WIRING_FILES, WiringPlan } from './planWiring';
import { toYaml } from './toYaml';

const USES_PATH = ['metadata', 'annotations', ANNOTATION_TECHSTACK_USES];

function unionUses(existing: unknown, added: unknown): string {
  const names = [
    ...parseUsesAnnotation(typeof existing === 'string' ? existing : undefined),
    ...parseUsesAnnotation(typeof added === 'string' ? added : undefined),
  ];
  const seen = new Set<string>();
  return names
    .filter(name => {
      const key = technologyNameKey(name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join(', ');
}

/**
 * The compose addition without the `ports` of services the existing file
 * already defines: a service's published ports are the file's choice, and a
 * second mapping of the same host port would stop `docker compose up`.
 */
function withoutPortsOfExisting(
  existing: string,
  addition: Record<string, unknown>,
): Record<string, unknown> {
  const doc = parseDocument(existing);
  if (doc.errors.length > 0) {
    return addition; // mergeYaml reports it
  }
  const present = (doc.toJS() as { services?: unknown } | null)?.services;
  const services = addition.services as Record<string, Record<string, unknown>>;
  if (typeof present !== 'object' || present === null || !services) {
    return addition;
  }
  return {
    ...addition,
    services: Object.fromEntries(
      Object.entries(services).map(([name, service]) => {
        if (!(name in present)) return [name, service];
        const { ports: _ports, ...rest } = service;
        return [name, rest];
      }),
    ),
  };
}

/**
 * Writes a wiring plan into a folder of the workspace (every path checked to
 * stay inside it), merging into files that exist: YAML maps are deep-merged
 * and list items not repeated, env keys already set are kept, text files that
 * exist are left alone; the ports of a compose service the file already
 * defines stay as they are. The `techstack.dev/uses` annotation of the
 * `catalog-info.yaml` becomes the union of both. A file that gains nothing
 * keeps its text. Returns the paths written, relative to the folder.
 */
export async function writeWiring(
  baseDir: string,
  plan: WiringPlan,
): Promise<string[]> {
  const written: string[] = [];
  const target = (file: string) => resolveSafeChildPath(baseDir, file);

  for (const [file, content] of plan.yaml) {
    const full = target(file);
    const existing = await readIfExists(full, file);
    let text: string;
    if (existing === undefined || existing.trim() === '') {
      text = toYaml(content, plan.comments.get(file));
    } else {
      const addition =
        file === WIRING_FILES.compose
          ? withoutPortsOfExisting(existing, content)
          : content;
      const merged = mergeYaml(existing, addition, file);
      let changed = merged.changed;
      if (file === WIRING_FILES.catalogInfo) {
        const before = merged.doc.getIn(USES_PATH);
        const uses = unionUses(before, plan.uses);
        if (uses !== before) {
          merged.doc.setIn(USES_PATH, uses);
          changed = true;
        }
      }
      text = changed ? merged.doc.toString({ lineWidth: 0 }) : existing;
    }
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, text);
    written.push(file);
  }

  for (const [file, content] of plan.text) {
    const full = target(file);
    if (!(await fs.pathExists(full))) {
      await fs.mkdir(path.dirname(full), { recursive: true });
      await fs.writeFile(full, content);
      written.push(file);
    }
  }

  const envFile = target(WIRING_FILES.env);
  await fs.writeFile(
    envFile,
    mergeEnv(await readIfExists(envFile, WIRING_FILES.env), plan.env),
  );
  written.push(WIRING_FILES.env);
  return written;
}
