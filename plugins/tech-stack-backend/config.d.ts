export interface Config {
  /** Tech Stack for Backstage. */
  techStack?: {
    /** The group that owns the Technology entities unless a guide says otherwise. */
    owner?: string;
    /** Settings of the radar endpoint (`GET /api/tech-stack/radar`). */
    radar?: {
      /**
       * How long a radar built for one caller is reused, in seconds. Past it,
       * the next request gets the previous radar at once while a new one is
       * built in the background, so an answer is at most twice this old
       * (this also bounds how long a permission change takes to show). 0
       * turns the cache off. Default 30.
       */
      cacheTtlSeconds?: number;
      /**
       * How recent (in days) the last ring change of a technology must be to
       * show it as moved in, moved out or new. Default 90.
       */
      movementWindowDays?: number;
    };
    /**
     * Settings of the adoption views (`GET /api/tech-stack/adoption`,
     * `/compliance`, `/stack`).
     */
    adoption?: {
      /**
       * How long the usage snapshot computed for one caller is reused, in
       * seconds; refreshed in the background like the radar's, so at most
       * twice this old. 0 turns the cache off. Default: the radar's TTL (30).
       */
      cacheTtlSeconds?: number;
      /**
       * Usage sources besides the `techstack.dev/uses` annotation, matched
       * through the technologies' names and aliases. Both on by default.
       */
      sources?: {
        /** Count a component's catalog tags that name a technology. Default true. */
        tags?: boolean;
        /** Count the names and tags of the resources a component `dependsOn`. Default true. */
        dependencies?: boolean;
      };
    };
    /**
     * Adoption history (`GET /api/tech-stack/adoption/history`): a snapshot
     * of the adoption counts (components per technology and team, and each
     * team's hold and not-in-guide usages), kept per day (UTC) in the
     * plugin's own database. One replica takes it (a global scheduler task
     * `tech-stack-adoption-snapshot`, first run two minutes after a start);
     * a later snapshot of the same day replaces the earlier one.
     */
    history?: {
      /**
       * How often the snapshot is taken: a duration object (`{ hours: 24 }`),
       * an ISO 8601 duration (`PT12H`) or `12h`. Default `{ hours: 24 }`.
       */
      frequency?: { [unit: string]: number } | string;
      /** How many days are kept; older days are deleted after each snapshot. Default 730. */
      retentionDays?: number;
      /**
       * For a demo portal only: when a snapshot finds no earlier day stored,
       * it also writes 180 days of made-up history before it (derived from
       * that snapshot, the same for the same day), so the charts have a
       * shape on the first start. Default false.
       */
      exampleSeed?: boolean;
    };
    /**
     * Migration campaigns: move the components off a technology by a
     * deadline (`GET /api/tech-stack/campaigns`, the Campaigns tab, the
     * component's "Tech stack" card, and `campaigns` on the compliance
     * answer). A bad entry fails the backend's start, naming its key. At
     * most 100.
     */
    campaigns?: Array<{
      /**
       * A slug (`rancher-to-managed-kubernetes`), unique; default: the slug
       * of `technology`. The CSV export is `/campaigns/<id>/export.csv`.
       */
      id?: string;
      /** The technology to migrate away from: name, title, alias or ref (at most 200 characters). */
      technology: string;
      /** The technologies to migrate to (1 to 20 names, titles, aliases or refs). */
      replaceWith: string[];
      /**
       * The day the migration is due, `YYYY-MM-DD` (UTC). With 30 days or
       * fewer left a campaign with remaining components is at risk; after it,
       * overdue.
       */
      deadline: string;
      /** Why, shown with the campaign (at most 200 characters). */
      reason?: string;
    }>;
  };
}
