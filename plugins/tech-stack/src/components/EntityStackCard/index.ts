export { EntityStackCard } from './EntityStackCard';
