export { AdoptionView } from './AdoptionView';
