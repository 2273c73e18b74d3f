import { main } from './index';

/** Entry point of the repo's `yarn tech-stack` (runs the CLI from source). */
main(process.argv.slice(2));
