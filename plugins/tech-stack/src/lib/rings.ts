import { Theme } from '@material-ui/core/styles';
import { Ring } from '@techstack/plugin-tech-stack-common';

/** The ring's name for people: `Adopt`. */
export function ringLabel(ring: Ring): string {
  return ring.charAt(0).toUpperCase() + ring.slice(1);
}

/** The ring's colour from the theme palette (works in light and dark themes). */
export function ringColor(theme: Theme, ring: Ring): string {
  switch (ring) {
    case 'adopt':
      return theme.palette.success.main;
    case 'trial':
      return theme.palette.info.main;
    case 'assess':
      return theme.palette.warning.main;
    default:
      return theme.palette.error.main;
  }
}

/** The shape that marks a ring besides its colour. */
export const RING_SHAPES: Record<Ring, string> = {
  adopt: 'circle',
  trial: 'diamond',
  assess: 'triangle',
  hold: 'square',
};
