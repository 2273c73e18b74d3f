export { HistoryChart, NO_HISTORY_TEXT } from './HistoryChart';
export type { HistoryMarker, HistorySeries } from './HistoryChart';
