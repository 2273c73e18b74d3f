export interface Config {
  /** Tech Stack for Backstage. */
  techStack?: {
    /** The group that owns the Technology entities unless a guide says otherwise. */
    owner?: string;
  };
}
