import { CampaignHistoryPoint } from '../../api';

/** The days and lines of a campaign's burn-down chart. */
export interface BurnDownSeries {
  /** The snapshot days and the deadline, in order. */
  days: string[];
  /** Components remaining per day; `null` on the deadline if it is no snapshot day. */
  remaining: Array<number | null>;
  /**
   * The steady pace: the first day's remaining components down to 0 at the
   * deadline (`null` elsewhere); absent when the deadline is not after the
   * first day.
   */
  ideal?: Array<number | null>;
}

/**
 * The burn-down of a campaign's history: the remaining components per
 * snapshot day, the deadline as one more day (so the chart reaches it),
 * and an ideal straight line from the first point to 0 at the deadline.
 */
export function burnDownSeries(
  points: CampaignHistoryPoint[],
  deadline: string,
): BurnDownSeries {
  if (points.length === 0) return { days: [], remaining: [] };
  const byDay = new Map(points.map(p => [p.day, p.remaining]));
  const days = [...new Set([...points.map(p => p.day), deadline])].sort();
  const remaining = days.map(day => byDay.get(day) ?? null);
  const first = points[0];
  if (deadline <= first.day) return { days, remaining };
  const ideal = days.map(day => {
    if (day === first.day) return first.remaining;
    return day === deadline ? 0 : null;
  });
  return { days, remaining, ideal };
}
