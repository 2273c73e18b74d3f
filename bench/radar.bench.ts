/*
 * Benchmark of our tech radar (@techstack/plugin-tech-stack TechRadar) against
 * the community one (@backstage-community/plugin-tech-radar 1.14.0), on the
 * same n deterministic entries, in the /radar-bench page of the plugin's dev
 * app (plugins/tech-stack/dev/RadarBenchPage.tsx; the example portal never
 * includes it or the community radar).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/radar.bench.ts
 *
 * Uses the dev app on http://localhost:3001 when one answers there, otherwise
 * starts it (`yarn workspace @techstack/plugin-tech-stack start`) and stops it
 * at the end; RADAR_BENCH_URL points at another server of the harness. Per n,
 * the implementations are measured interleaved (alternating order), one
 * warm-up page load and RADAR_BENCH_RUNS (default 5) measured loads each;
 * medians.
 * Env: RADAR_BENCH_N=100,300 RADAR_BENCH_RUNS=5 RADAR_BENCH_PROFILE=1
 * RADAR_BENCH_URL=http://localhost:3001
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import {
  armHover,
  Geometry,
  ImplSelectors,
  measureGeometry,
  measureRender,
  RenderResult,
  SELECTORS,
} from './radar/inpage';

const SIZES = (process.env.RADAR_BENCH_N ?? '100,300,1000')
  .split(',')
  .map(Number);
const RUNS = Number(process.env.RADAR_BENCH_RUNS ?? 5);
const WARMUP = 1;
const VIEWPORT = { width: 1500, height: 800 };
const SCREENSHOTS = path.resolve(__dirname, '../artifacts/screenshots');
/** The plugin's dev app (plugins/tech-stack/dev/app-config.yaml sets its port). */
const HARNESS_URL = 'http://localhost:3001';
const BASE_URL = (process.env.RADAR_BENCH_URL ?? HARNESS_URL).replace(
  /\/$/,
  '',
);
const HARNESS_LOG = path.resolve(__dirname, '../artifacts/radar-harness.log');

type Impl = 'ours' | 'community';
interface Config {
  label: string;
  impl: Impl;
  sectors: number;
}
const CONFIGS: Config[] = [
  { label: 'ours', impl: 'ours', sectors: 4 },
  { label: 'community', impl: 'community', sectors: 4 },
  { label: 'ours (7 sectors)', impl: 'ours', sectors: 7 },
];

const WARM_HOVERS = 3;

interface Sample {
  render: RenderResult;
  /** The first hover of the page load (tooltip styles not yet mounted). */
  hoverMs: number;
  /** Median of the next WARM_HOVERS hovers, on other blips. */
  warmHoverMs: number;
  geometry: Geometry;
}

function median(values: number[]): number {
  const v = values.filter(x => x >= 0).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

async function load(page: Page, config: Config, n: number) {
  const route = `/radar-bench?impl=${config.impl}&n=${n}&sectors=${config.sectors}&start=manual`;
  // keep the pointer off the radar
  await page.mouse.move(VIEWPORT.width - 2, 2);
  // the dev server may be rebuilding: retry
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${BASE_URL}${route}`, { waitUntil: 'load' });
      await page
        .locator('[data-testid="radar-bench-idle"]')
        .waitFor({ timeout: 60_000 });
      break;
    } catch (error) {
      if (attempt >= 6) throw error;
      process.stderr.write(
        `  (page not ready, retrying: ${String(error).split('\n')[0]})\n`,
      );
      await page.waitForTimeout(10_000);
    }
  }
  await page.waitForFunction(
    (want: number) =>
      (window as any).radarBench && (window as any).radarBench.n === want,
    n,
  );
  // let the app shell settle (fonts, lazy chunks)
  await page.waitForTimeout(500);
  await page.evaluate(
    () =>
      new Promise<void>(resolve =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Hovers the `rank`-th blip nearest the viewport centre; ms to the frame after its tooltip. */
async function hover(
  page: Page,
  sel: ImplSelectors,
  rank = 0,
): Promise<number> {
  const point = await page.evaluate(
    (args: { blip: string; w: number; h: number; rank: number }) => {
      const all: Array<{ x: number; y: number; d: number }> = [];
      document.querySelectorAll(args.blip).forEach(blip => {
        const r = blip.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (r.top < 0 || r.left < 0 || r.bottom > args.h || r.right > args.w) {
          return;
        }
        all.push({ x, y, d: Math.hypot(x - args.w / 2, y - args.h / 2) });
      });
      all.sort((a, b) => a.d - b.d);
      return all[Math.min(args.rank, all.length - 1)];
    },
    { blip: sel.blip, w: VIEWPORT.width, h: VIEWPORT.height, rank },
  );
  if (!point) return -1;
  await page.evaluate(armHover, sel);
  await page.mouse.move(point.x, point.y, { steps: 1 });
  const handle = await page.waitForFunction(
    () => (window as any).__hoverResult,
    undefined,
    { timeout: 15_000, polling: 50 },
  );
  const result = (await handle.jsonValue()) as { ms: number };
  await page.mouse.move(VIEWPORT.width - 2, 2);
  // let the tooltip go (the community radar re-runs its layout on leave)
  await page.waitForTimeout(150);
  return result.ms;
}

async function measure(page: Page, config: Config, n: number): Promise<Sample> {
  await load(page, config, n);
  const sel = SELECTORS[config.impl];
  const render = await page.evaluate(measureRender, { sel, n });
  const titles = await page.evaluate(
    () => (window as any).radarBench.titles as string[],
  );
  const geometry = await page.evaluate(measureGeometry, { sel, titles });
  const hoverMs = await hover(page, sel);
  const warm: number[] = [];
  for (let i = 1; i <= WARM_HOVERS; i++)
    warm.push(await hover(page, sel, i * 3));
  return { render, hoverMs, warmHoverMs: median(warm), geometry };
}

/** Top self-time functions of a CDP CPU profile. */
function topFunctions(p: any, count = 20): string[] {
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + p.timeDeltas[i]);
  }
  for (const node of p.nodes) {
    const f = node.callFrame;
    const file = String(f.url).split('/').slice(-1)[0].split('?')[0];
    const key = `${f.functionName || '(anonymous)'} ${file}:${
      f.lineNumber + 1
    }`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  return [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

/**
 * Where ours spends a first render and a (warm) hover: Chrome's per-phase
 * durations (script, style, layout) and the top self-time functions.
 */
async function profile(page: Page, n: number, config: Config = CONFIGS[0]) {
  const sel = SELECTORS[config.impl];
  await load(page, config, n);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const metrics = async () => {
    const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
      metrics: Array<{ name: string; value: number }>;
    };
    return new Map(list.map(m => [m.name, m.value]));
  };
  const phase = async (name: string, run: () => Promise<unknown>) => {
    const before = await metrics();
    await cdp.send('Profiler.start');
    const result = await run();
    const { profile: p } = (await cdp.send('Profiler.stop')) as any;
    const after = await metrics();
    const d = (k: string) =>
      (((after.get(k) ?? 0) - (before.get(k) ?? 0)) * 1000).toFixed(1);
    console.log(
      `\n${config.label}, n=${n}, ${name}: ${JSON.stringify(result)}`,
    );
    console.log(
      `  task ${d('TaskDuration')} ms = script ${d(
        'ScriptDuration',
      )} + style ${d('RecalcStyleDuration')} + layout ${d(
        'LayoutDuration',
      )} (+ other); style recalcs ${d('RecalcStyleCount')}/1000, layouts ${d(
        'LayoutCount',
      )}/1000`,
    );
    for (const line of topFunctions(p)) console.log(`  ${line}`);
  };
  await phase('first render', () => page.evaluate(measureRender, { sel, n }));
  await phase('first hover', () => hover(page, sel));
  await phase('warm hover', () => hover(page, sel, 3));
}

function fmt(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(1) : 'n/a';
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the plugin's dev app unless something already answers at BASE_URL;
 * resolves with the process to stop afterwards (undefined when reused).
 */
async function startHarness(): Promise<ChildProcess | undefined> {
  if (await answers(BASE_URL)) return undefined;
  if (process.env.RADAR_BENCH_URL) {
    throw new Error(`nothing answers at RADAR_BENCH_URL=${BASE_URL}`);
  }
  fs.mkdirSync(path.dirname(HARNESS_LOG), { recursive: true });
  const log = fs.openSync(HARNESS_LOG, 'w');
  process.stderr.write(
    `starting the plugin's dev app on ${BASE_URL} (log: ${HARNESS_LOG})\n`,
  );
  const child = spawn(
    'yarn',
    ['workspace', '@techstack/plugin-tech-stack', 'start'],
    {
      cwd: path.resolve(__dirname, '..'),
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', code =>
      reject(new Error(`the dev app exited (${code}); see ${HARNESS_LOG}`)),
    ),
  );
  // the first build takes a minute or two on a busy machine
  for (let i = 0; i < 300; i++) {
    if (await answers(BASE_URL)) return child;
    await Promise.race([exited, new Promise(r => setTimeout(r, 1000))]);
  }
  stopHarness(child);
  throw new Error(`the dev app did not answer at ${BASE_URL} in 300 s`);
}

function stopHarness(child: ChildProcess | undefined) {
  if (child?.pid !== undefined && child.exitCode === null) {
    // the dev server runs in its own process group
    process.kill(-child.pid, 'SIGTERM');
  }
}

async function main() {
  const harness = await startHarness();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    console.log(`harness: ${BASE_URL}`);
    if (process.env.RADAR_BENCH_PROFILE === 'only') {
      await profile(page, Math.max(...SIZES));
      await profile(page, Math.max(...SIZES), CONFIGS[1]);
      return;
    }
    const rows: string[][] = [];
    const summary: Record<
      string,
      Record<
        string,
        { render: number; legend: number; hover: number; warm: number }
      >
    > = {};
    for (const n of SIZES) {
      const samples = new Map<string, Sample[]>();
      for (let rep = 0; rep < WARMUP + RUNS; rep++) {
        // rotate the order each round so no implementation always goes first
        const order = CONFIGS.map(
          (_, i) => CONFIGS[(i + rep) % CONFIGS.length],
        );
        for (const config of order) {
          let s: Sample;
          for (let attempt = 1; ; attempt++) {
            try {
              s = await measure(page, config, n);
              break;
            } catch (error) {
              // the dev server rebuilt and reloaded the page: measure again
              if (attempt >= 3) throw error;
              process.stderr.write(
                `  (${String(error).split('\n')[0]}; measuring again)\n`,
              );
            }
          }
          if (rep >= WARMUP) {
            samples.set(config.label, [
              ...(samples.get(config.label) ?? []),
              s,
            ]);
          }
          process.stderr.write(
            `n=${n} ${rep < WARMUP ? 'warm-up' : `run ${rep}`} ${
              config.label
            }: render ${fmt(s.render.renderMs)} ms, settle ${fmt(
              s.render.settleMs,
            )} ms, legend ${fmt(s.render.legendMs)} ms, hover ${fmt(
              s.hoverMs,
            )} ms (warm ${fmt(s.warmHoverMs)})${
              s.render.timedOut ? ' (timed out)' : ''
            }\n`,
          );
          if (n === 300 && rep === WARMUP + RUNS - 1 && config.sectors === 4) {
            await page.evaluate(() => window.scrollTo(0, 0));
            const file = path.join(
              SCREENSHOTS,
              `radar-bench-${config.impl}-300.png`,
            );
            fs.mkdirSync(SCREENSHOTS, { recursive: true });
            await page.screenshot({ path: file });
          }
        }
      }
      summary[n] = {};
      for (const config of CONFIGS) {
        const list = samples.get(config.label) ?? [];
        const render = median(list.map(s => s.render.renderMs));
        const settle = median(list.map(s => s.render.settleMs));
        const legendMs = median(list.map(s => s.render.legendMs));
        const hoverMs = median(list.map(s => s.hoverMs));
        const warmMs = median(list.map(s => s.warmHoverMs));
        const g = list[list.length - 1].geometry;
        const r = list[list.length - 1].render;
        summary[n][config.label] = {
          render,
          legend: legendMs,
          hover: hoverMs,
          warm: warmMs,
        };
        const complete =
          g.legendPresent === n && g.legendVisible === n && !g.legendClipped;
        rows.push([
          String(n),
          config.label,
          fmt(render),
          fmt(settle),
          fmt(legendMs),
          fmt(hoverMs),
          fmt(warmMs),
          `${r.blips}${r.notDrawn ? ` (+${r.notDrawn} listed)` : ''}`,
          String(g.bboxOverlaps),
          String(g.shapeOverlaps),
          complete
            ? 'complete'
            : `cut off (${g.legendVisible} of ${n} visible${
                g.legendPresent < n ? `, ${g.legendPresent} listed` : ''
              })`,
        ]);
      }
    }

    const header = [
      'n',
      'impl',
      'first render ms',
      'settled ms',
      'legend listed ms',
      'hover ms',
      'warm hover ms',
      'blips drawn',
      'overlaps (bbox)',
      'overlaps (shape)',
      'legend',
    ];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (cells: string[]) =>
      `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(
      `\nRadar benchmark, ${BASE_URL}, viewport ${VIEWPORT.width}x${VIEWPORT.height}, median of ${RUNS} page loads after ${WARMUP} warm-up\n`,
    );
    console.log(line(header));
    console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
    for (const row of rows) console.log(line(row));
    console.log('\ncommunity / ours (4 sectors):');
    for (const n of SIZES) {
      const o = summary[n].ours;
      const c = summary[n].community;
      console.log(
        `  n=${String(n).padEnd(5)} render ${(c.render / o.render).toFixed(
          2,
        )}x   legend listed ${(c.legend / o.legend).toFixed(2)}x   hover ${(
          c.hover / o.hover
        ).toFixed(2)}x   warm hover ${(c.warm / o.warm).toFixed(2)}x`,
      );
    }
    if (process.env.RADAR_BENCH_PROFILE) {
      await profile(page, Math.max(...SIZES));
    }
  } finally {
    await browser.close();
    stopHarness(harness);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
