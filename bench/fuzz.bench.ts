/*
 * Fuzz benchmark of the guide parser: generated hostile guides (the shapes of
 * the jest fuzz test, from the same arbitraries: markdown-ish guides, long
 * separator runs, HTML payloads, prototype keys, deep nesting, hostile diagram
 * lines, random bytes) through parseGuide → guideToTechnologyEntities → the
 * catalog's own entity policies and the Technology validator. Prints cases/s,
 * crashes, cases over 1 s, entities the catalog rejects and names holding
 * `<`/`>` (targets: all 0), with markdown-it's bare parse of the same cases
 * as the baseline. The machine is shared: a case over 1 s is timed twice
 * more and counts as slow only when its best time stays over 1 s (its other
 * checks count once).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/fuzz.bench.ts [count] [seed]
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { hostileGuide } from '../plugins/tech-stack-common/src/parser/__testUtils__/arbitraries';
import { checkGuide } from '../plugins/tech-stack-common/src/parser/__testUtils__/catalogCheck';

const COUNT = Number(process.argv[2] ?? 100_000);
const SEED = Number(process.argv[3] ?? 20261202);
const BATCH = 500;
const SLOW_MS = 1000;

async function main(): Promise<void> {
  const md = new MarkdownIt();
  const arbitrary = hostileGuide();
  let cases = 0;
  let bytes = 0;
  let entities = 0;
  let crashes = 0;
  let slow = 0;
  let rejected = 0;
  let markup = 0;
  let parseMs = 0;
  let bareMs = 0;
  let slowest = 0;
  const examples: string[] = [];
  const started = performance.now();
  for (let batch = 0; cases < COUNT; batch++) {
    const guides = fc.sample(arbitrary, {
      numRuns: Math.min(BATCH, COUNT - cases),
      seed: SEED + batch,
    });
    for (const guide of guides) {
      cases++;
      bytes += guide.length;
      let start = performance.now();
      md.parse(guide, {});
      bareMs += performance.now() - start;
      start = performance.now();
      const check = await checkGuide(guide);
      let elapsed = performance.now() - start;
      parseMs += elapsed;
      for (let retry = 0; retry < 2 && elapsed > SLOW_MS; retry++) {
        start = performance.now();
        await checkGuide(guide);
        elapsed = Math.min(elapsed, performance.now() - start);
      }
      slowest = Math.max(slowest, elapsed);
      entities += check.entities;
      if (elapsed > SLOW_MS) slow++;
      if (check.crash) crashes++;
      rejected += check.rejected.length;
      markup += check.markup.length;
      const problem = check.crash ?? check.rejected[0] ?? check.markup[0];
      if (problem && examples.length < 5) {
        examples.push(`${JSON.stringify(guide.slice(0, 200))}\n    ${problem}`);
      }
    }
    if ((batch + 1) % 20 === 0) {
      const seconds = (performance.now() - started) / 1000;
      console.log(`  ${cases} cases, ${(cases / seconds).toFixed(0)} cases/s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const row = (label: string, value: string) =>
    console.log(`${label.padEnd(46)}${value.padStart(16)}`);
  row('cases (seed)', `${cases} (${SEED})`);
  row('input', `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  row('entities validated', String(entities));
  row('cases/s (whole loop)', (cases / seconds).toFixed(0));
  row('markdown-it md.parse, total', `${bareMs.toFixed(0)} ms`);
  row('parse + entities + validation, total', `${parseMs.toFixed(0)} ms`);
  row('slowest case (best of up to 3)', `${slowest.toFixed(1)} ms`);
  row('crashes', String(crashes));
  row(`cases over ${SLOW_MS} ms`, String(slow));
  row('entities the catalog rejects', String(rejected));
  row('titles/aliases/layers with < or >', String(markup));
  examples.forEach(example => console.log(`  example: ${example}`));
  process.exitCode = crashes + slow + rejected + markup === 0 ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
