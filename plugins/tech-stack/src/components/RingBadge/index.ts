export { RingBadge } from './RingBadge';
