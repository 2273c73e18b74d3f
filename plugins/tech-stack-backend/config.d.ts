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
       * How old, in seconds, the usage index may be when it answers (and how
       * long a caller's list of visible entities, under a conditional
       * permission policy, is reused). An older index answers and refreshes
       * in the background; at twice this age the answer waits for the
       * refresh. 0 compares the index with the catalog before every answer.
       * Default: the radar's TTL (30).
       */
      cacheTtlSeconds?: number;
      /**
       * The usage index: who uses which technology for the whole catalog,
       * kept in the plugin's database and refreshed from the catalog (only
       * the entities whose etag changed are read again).
       */
      index?: {
        /**
         * How often one replica refreshes it (a global scheduler task
         * `tech-stack-usage-index`): a duration object (`{ minutes: 1 }`), an
         * ISO 8601 duration or `1m`. Default `{ minutes: 1 }`.
         */
        frequency?: { [unit: string]: number } | string;
      };
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
      /**
       * How often the ring history is recorded (a global scheduler task
       * `tech-stack-ring-history`, first run a minute after a start): each
       * run compares the Technology entities with the rings recorded in the
       * plugin's database (`techstack_ring_history`) and appends what was
       * added, moved or removed. The first run takes over the changes of the
       * `techstack.dev/ring-history` annotations; with `exampleSeed`, an
       * empty history gets about six months of made-up moves instead. The
       * events are kept without limit. A duration object, an ISO 8601
       * duration or `5m`. Default `{ minutes: 5 }`.
       */
      ringFrequency?: { [unit: string]: number } | string;
    };
    /**
     * Migration campaigns: move the components off a technology by a
     * deadline (`GET /api/tech-stack/campaigns`, the Campaigns tab, the
     * component's "Tech stack" card, and `campaigns` on the compliance
     * answer). The catalog module's notifications about a technology that
     * goes on hold or leaves the guide name its campaign (deadline,
     * replaceWith, reason). A bad entry fails the start of the backend and
     * of the catalog module, naming its key (one reader, `readCampaigns` of
     * `@techstack/plugin-tech-stack-common`). At most 100.
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
