export { HistoryChart, NO_HISTORY_TEXT } from './HistoryChart';
export type { HistorySeries } from './HistoryChart';
