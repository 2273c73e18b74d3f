/*
 * Follows the README's section "Installing the plugins in your portal" in a
 * Backstage app, word for word: runs its `run` blocks in the app's root folder
 * and applies its file edits (see readmeSteps.ts for the markers).
 *
 * One substitution, because the packages come from tarballs packed from this
 * repository rather than from a registry: in `run` blocks, a word that is the
 * name of one of our packages becomes `<name>@file:<its tarball>`, and the
 * app's root package.json gets a `resolutions` entry sending each of our
 * packages to its tarball, so the ones that come along as dependencies
 * (`@techstack/plugin-tech-stack-common`) are the packed ones too.
 * `TECH_STACK_REPO` is set to this repository for the blocks that copy its
 * examples.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs tests/install/followReadme.ts \
 *     --app <app dir> --tarballs <dir of yarn pack's @techstack-*.tgz>
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { applyEdit } from './applyEdit';
import { readInstallSteps } from './readmeSteps';

const INSTALL_SECTION = 'Installing the plugins in your portal';
const REPO = path.resolve(__dirname, '../..');

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing --${name} <dir>`);
  return path.resolve(value);
}

/** Package name → tarball, from yarn pack's `--out %s.tgz` names (`@techstack-plugin-x.tgz`). */
async function tarballs(dir: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const file of await fs.readdir(dir)) {
    if (file.startsWith('@techstack-') && file.endsWith('.tgz')) {
      const name = `@techstack/${file.slice(
        '@techstack-'.length,
        -'.tgz'.length,
      )}`;
      map.set(name, path.join(dir, file));
    }
  }
  if (map.size === 0) throw new Error(`no @techstack-*.tgz in ${dir}`);
  return map;
}

/** Each word of `code` that names one of our packages, pointed at its tarball. */
function mapPackages(code: string, packages: Map<string, string>): string {
  return code
    .split('\n')
    .map(line =>
      line
        .split(' ')
        .map(word =>
          packages.has(word) ? `${word}@file:${packages.get(word)}` : word,
        )
        .join(' '),
    )
    .join('\n');
}

async function main() {
  const app = arg('app');
  const packages = await tarballs(arg('tarballs'));
  const readme = await fs.readFile(path.join(REPO, 'README.md'), 'utf8');
  const steps = readInstallSteps(readme, INSTALL_SECTION);
  if (
    !steps.some(s => s.kind === 'run') ||
    !steps.some(s => s.kind === 'edit')
  ) {
    throw new Error(`README section "${INSTALL_SECTION}" has no install steps`);
  }

  const rootManifest = path.join(app, 'package.json');
  const manifest = JSON.parse(await fs.readFile(rootManifest, 'utf8'));
  manifest.resolutions = {
    ...manifest.resolutions,
    ...Object.fromEntries(
      [...packages].map(([name, file]) => [name, `file:${file}`]),
    ),
  };
  await fs.writeFile(rootManifest, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(
    `[install] package.json resolutions: ${[...packages.keys()].join(
      ', ',
    )} → their tarballs`,
  );

  for (const step of steps) {
    if (step.kind === 'run') {
      const script = mapPackages(step.code, packages);
      console.log(`[install] README line ${step.line}: run\n${script}`);
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
        cwd: app,
        stdio: 'inherit',
        env: { ...process.env, TECH_STACK_REPO: REPO },
      });
      if (result.status !== 0) {
        throw new Error(
          `README line ${step.line}: the commands exited with ${
            result.status ?? result.signal
          }`,
        );
      }
    } else {
      const file = path.join(app, step.file);
      const before = await fs.readFile(file, 'utf8');
      await fs.writeFile(
        file,
        applyEdit(before, step.placement, step.code, step.file),
      );
      const where =
        step.placement.action === 'top' || step.placement.action === 'merge'
          ? step.placement.action
          : `${step.placement.action} \`${step.placement.anchors.join(
              '` … `',
            )}\``;
      console.log(`[install] README line ${step.line}: ${step.file}, ${where}`);
    }
  }
}

main().catch(e => {
  console.error(`[install] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
