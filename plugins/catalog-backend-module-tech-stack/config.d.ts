import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Tech Stack for Backstage. */
  techStack?: {
    /**
     * The group that owns the Technology entities (`spec.owner`) unless a
     * guide names its own. An entity ref; kind defaults to `group`, namespace
     * to `default`. Default: `group:default/platform-team`.
     * @visibility backend
     */
    owner?: string;

    /**
     * The ring of entries whose column says nothing about a ring (unranked
     * lists, diagram nodes). Default: `trial`.
     * @visibility backend
     */
    defaultRing?: 'adopt' | 'trial' | 'assess' | 'hold';

    /**
     * Extra names technologies go by, keyed by the name the guide uses:
     * `{ 'Apache Kafka': ['Kafka'], PostgreSQL: ['Postgres'] }`. They become
     * `spec.aliases` and resolve `techstack.dev/uses` annotations.
     * @visibility backend
     */
    aliases?: { [name: string]: string[] };

    /**
     * How guide table columns map to rings, keyed by column header
     * (`Recommended: adopt`, `Alternatives: trial`, `Notes: description`,
     * `Cost: ignore`); merged over the built-in mapping.
     * @visibility backend
     */
    columnRings?: {
      [column: string]:
        | 'adopt'
        | 'trial'
        | 'assess'
        | 'hold'
        | 'description'
        | 'ignore';
    };

    /**
     * The guides to ingest as Technology entities, one entity provider each
     * (named `tech-stack-guide:<id>`).
     * @visibility backend
     */
    guides?: Array<{
      /**
       * Stable id of the guide: names the provider and the scheduled task,
       * and lands in the `techstack.dev/guide` annotation. Letters, digits,
       * `-`, `_`, `.`.
       * @visibility backend
       */
      id: string;
      /**
       * Where the guide (markdown) is: a URL, read through the UrlReader so
       * the configured integrations (GitHub, GitLab, …) apply and the host
       * must be allowed by them or by `backend.reading.allow`; or a local
       * file path, resolved against the backend's working directory as
       * catalog `file` locations are (`./examples/technology-stack-guide.md`).
       * @visibility backend
       */
      target: string;
      /**
       * How often to read the guide. Default: every 30 minutes, timeout
       * 3 minutes, scope `global` (one replica at a time).
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * The owner of this guide's technologies; wins over `techStack.owner`.
       * @visibility backend
       */
      owner?: string;
    }>;

    /** How guides are parsed. */
    parser?: {
      /**
       * How long parsing one guide (and turning it into entities) may take.
       * The parser runs in a worker thread, so the backend keeps answering
       * meanwhile; past this time the worker is stopped, the run is refused
       * with one error naming the guide, and the catalog keeps the entities
       * of the last good run. A duration object (`{ seconds: 30 }`) or an
       * ISO 8601 string (`PT30S`), above zero and at most 1 hour.
       * Default: 30 seconds.
       * @visibility backend
       */
      timeout?: HumanDuration | string;
    };

    /** Safeguards on what a run may change in the catalog. */
    ingestion?: {
      /**
       * The largest share (0 to 1) of a guide's Technology entities one run
       * may remove. A run whose count drops by more than this share of the
       * count in the catalog is not applied (one error with both counts);
       * force it with `POST /api/catalog/tech-stack/refresh?guide=<id>&force=true`
       * or by raising this value. `1` turns the check off. Default: `0.3`.
       * @visibility backend
       */
      maxDropShare?: number;
    };

    /**
     * The organisation's overrides, applied by the provider before the
     * entities reach the catalog: a list, or `{ target }` naming a YAML file
     * (URL or local path) holding that list, read on every run. An override
     * naming an unknown technology is logged as a warning and skipped.
     * @visibility backend
     */
    overrides?:
      | Array<{
          /** Name, alias, slug or ref (`technology:default/redis`) of the technology. */
          technology: string;
          /** The ring it holds everywhere, whatever the guide says. */
          ring?: 'adopt' | 'trial' | 'assess' | 'hold';
          /** Why; becomes `spec.ringReason`. */
          reason?: string;
          /** Replaces the description. */
          description?: string;
          /** Links added to `metadata.links`. */
          links?: Array<{ url: string; title?: string }>;
        }>
      | {
          /** URL or file path of a YAML list of overrides (same shape as the inline list). */
          target: string;
        };

    /**
     * Backstage notifications (`@backstage/plugin-notifications-backend`)
     * to the owners of the entities that use a technology, when a run moves
     * it to `hold` or removes it from the guide: one per technology and
     * owner, once across runs, restarts and replicas (topic `tech-stack`,
     * origin `plugin:catalog`). Unknown fields are rejected. A technology
     * that is the `technology` of a migration campaign
     * (`techStack.campaigns`, declared by the tech-stack backend's config
     * schema) has the campaign's deadline, replaceWith and reason named.
     * @visibility backend
     */
    notifications?: {
      /**
       * Whether to send them. Default: `true`. Without the notifications
       * backend installed, sends fail with a warning per run (and are given
       * up after 5 runs); set `false` to turn them off.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Their severity: `critical`, `high`, `normal` or `low`.
       * Default: `normal`.
       * @visibility backend
       */
      severity?: 'critical' | 'high' | 'normal' | 'low';
    };
  };
}
