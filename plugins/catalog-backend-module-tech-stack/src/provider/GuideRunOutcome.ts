/** How many warnings an outcome carries in full; the rest are only counted. */
export const OUTCOME_WARNING_LIMIT = 100;

/**
 * How one run of a guide ended, as the replica that ran it recorded it and as
 * `POST /api/catalog/tech-stack/refresh` answers it, one per guide.
 *
 * @public
 */
export interface GuideRunOutcome {
  /** The guide's configured id. */
  id: string;
  /** `applied`: the catalog now holds this run's entities; `failed`: it keeps the last good ones. */
  status: 'applied' | 'failed';
  /** How many Technology entities the run handed to the catalog (0 when it failed). */
  technologies: number;
  /** How many of the guide's Technology entities the catalog held before the run, when known. */
  previous?: number;
  /** Whether the run was forced past the drop check (`force=true`). */
  forced: boolean;
  /** The parser's and the overrides' warnings, at most the first 100. */
  warnings: string[];
  /** How many warnings there were in all. */
  warningCount: number;
  /** Why the run failed: `name` of the error and its message (naming the guide and what to do). */
  error?: { name: string; message: string };
  /** When the run finished (ISO 8601, the clock of the replica that ran it). */
  finishedAt: string;
}
