export interface Config {
  /** Tech Stack for Backstage. */
  techStack?: {
    /** The group that owns the Technology entities unless a guide says otherwise. */
    owner?: string;
    /** Settings of the radar endpoint (`GET /api/tech-stack/radar`). */
    radar?: {
      /**
       * How long a radar built for one caller is reused, in seconds. 0 turns
       * the cache off. Default 30.
       */
      cacheTtlSeconds?: number;
      /**
       * How recent (in days) the last ring change of a technology must be to
       * show it as moved in, moved out or new. Default 90.
       */
      movementWindowDays?: number;
    };
  };
}
