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
  };
}
