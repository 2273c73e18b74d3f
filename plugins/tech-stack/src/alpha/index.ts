/**
 * The Tech Stack plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { techStackPlugin } from './plugin';

export default techStackPlugin;
