import { AdoptionCount, ComplianceCount } from './AdoptionHistoryStore';
import { unitHash } from '../util/unitHash';

/**
 * A migration the example history plays back: components moving off a
 * technology onto its replacements (entity refs).
 */
export interface ExampleMigration {
  from: string;
  to: string[];
}

/**
 * The example portal's migration, its campaign in app-config.yaml: Rancher
 * to the managed Kubernetes services.
 */
export const EXAMPLE_MIGRATIONS: ExampleMigration[] = [
  {
    from: 'technology:default/rancher',
    to: [
      'technology:default/eks',
      'technology:default/gke',
      'technology:default/aks',
    ],
  },
];

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * How far a team is through a migration at `progress` (0 at the start of
 * the history, 1 today): each team migrates within its own window of the
 * history, so the whole catalog burns down in steps.
 */
function teamProgress(key: string, progress: number): number {
  const start = 0.05 + 0.45 * unitHash(`${key}|start`);
  const length = 0.25 + 0.25 * unitHash(`${key}|length`);
  return clamp((progress - start) / length);
}

/**
 * The rows of one migration on a day: each team that uses the technology
 * or a replacement today had, before its migration window, its replacement
 * components still on the technology plus a few it has retired since (3 to
 * 6, made up); during the window they move off one by one. Replacements
 * grow to today's counts; the technology shrinks to them. No noise: a
 * burn-down only goes down.
 */
function migrationDay(
  migration: ExampleMigration,
  rows: AdoptionCount[],
  progress: number,
): AdoptionCount[] {
  const replacements = new Set(migration.to);
  const teams = new Map<string, { from: number; moved: number }>();
  const team = (teamRef: string) => {
    let entry = teams.get(teamRef);
    if (!entry) {
      entry = { from: 0, moved: 0 };
      teams.set(teamRef, entry);
    }
    return entry;
  };
  const out: AdoptionCount[] = [];
  for (const row of rows) {
    if (row.technologyRef === migration.from) {
      team(row.teamRef).from += row.components;
    } else if (replacements.has(row.technologyRef)) {
      const left =
        1 - teamProgress(`${migration.from}|${row.teamRef}`, progress);
      const moved = Math.round(row.components * left);
      team(row.teamRef).moved += moved;
      out.push({ ...row, components: row.components - moved });
    }
  }
  for (const [teamRef, { from, moved }] of teams) {
    const key = `${migration.from}|${teamRef}`;
    const retired = 3 + Math.floor(4 * unitHash(`${key}|retired`));
    const left = 1 - teamProgress(key, progress);
    out.push({
      technologyRef: migration.from,
      teamRef,
      components: from + moved + Math.round(retired * left),
    });
  }
  return out;
}

/**
 * Made-up counts of a day `daysAgo` days before the counts given (which are
 * today's), for the example portal's charts: adoption grows towards today's
 * counts (a technology starts between 30 % and 90 % of them, steadily),
 * hold and not-in-guide usages shrink towards them (from up to twice as
 * many, with small day-to-day noise). The technologies of `migrations` (by default
 * {@link EXAMPLE_MIGRATIONS}) burn down instead: more components used them
 * at the start, fewer each time a team moves them to a replacement.
 * Deterministic: the same day, refs and counts give the same numbers.
 */
export function exampleDay(
  today: { adoption: AdoptionCount[]; compliance: ComplianceCount[] },
  options: {
    day: string;
    daysAgo: number;
    span: number;
    migrations?: ExampleMigration[];
  },
): { adoption: AdoptionCount[]; compliance: ComplianceCount[] } {
  const { day, daysAgo, span } = options;
  const migrations = options.migrations ?? EXAMPLE_MIGRATIONS;
  const progress = 1 - clamp(daysAgo / span);
  const noise = (key: string) => (unitHash(`${day}|${key}`) - 0.5) * 0.2;
  const migrating = new Set(migrations.flatMap(m => [m.from, ...m.to]));
  const adoption = today.adoption
    .filter(count => !migrating.has(count.technologyRef))
    .map(count => {
      const key = `${count.technologyRef}|${count.teamRef}`;
      const start = 0.3 + 0.6 * unitHash(key);
      // no noise: with the few components of a team, noise only flickers
      const share = start + (1 - start) * progress;
      return {
        ...count,
        components: Math.max(0, Math.round(count.components * share)),
      };
    });
  for (const migration of migrations) {
    adoption.push(
      ...migrationDay(
        migration,
        today.adoption.filter(
          c =>
            c.technologyRef === migration.from ||
            migration.to.includes(c.technologyRef),
        ),
        progress,
      ),
    );
  }
  const compliance = today.compliance.map(count => {
    const key = count.teamRef;
    const factor = 1 + unitHash(key) * (1 - progress) + noise(key);
    return {
      teamRef: count.teamRef,
      hold: Math.max(0, Math.round(count.hold * factor)),
      offGuide: Math.max(0, Math.round(count.offGuide * factor)),
    };
  });
  return { adoption, compliance };
}
