import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS, Ring } from '@techstack/plugin-tech-stack-common';
import {
  FocusEvent,
  KeyboardEvent,
  MouseEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useNavigate } from 'react-router-dom';
import { RadarEntry } from '../../api';
import { ringColor } from '../../lib/rings';
import { RadarBackground } from './RadarBackground';
import { BlipStyle, RadarBlips } from './RadarBlip';
import { RadarLegend } from './RadarLegend';
import { RadarOverflow } from './RadarOverflow';
import { RadarTooltip } from './RadarTooltip';
import { fitRadarLayout } from './layoutRadar';

const useStyles = makeStyles(theme => ({
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
  },
  box: { position: 'relative', flex: '1 1 480px' },
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  side: { flex: '0 1 280px' },
  blip: {
    cursor: 'pointer',
    outline: 'none',
    '&:focus $focusRing, &:hover $focusRing': { visibility: 'visible' },
  },
  focusRing: {
    visibility: 'hidden',
    stroke: theme.palette.text.primary,
    strokeWidth: 2,
  },
}));

/** Props of {@link TechRadar}. */
export interface TechRadarProps {
  /** The sectors, in order (one per guide section). */
  sectors: string[];
  entries: RadarEntry[];
  /**
   * Which blips to show (by entry and the ring it holds in the blip's
   * sector). Filtering never re-runs the layout: shown blips keep their place.
   */
  isVisible?: (entry: RadarEntry, ring: Ring) => boolean;
  /** Accessible name of the radar. */
  title?: string;
}

/**
 * An N-sector, four-ring tech radar in SVG: deterministic layout, no
 * overlapping blips, overflow listed beside it, tooltips on hover and focus,
 * roving-tabindex keyboard navigation, and a complete legend.
 */
export function TechRadar(props: TechRadarProps) {
  const { sectors, entries, isVisible, title = 'Tech radar' } = props;
  const classes = useStyles();
  const theme = useTheme();
  const navigate = useNavigate();
  const entityLink = useEntityRefLink();
  const tooltipId = `tech-radar-tip-${useId().replace(/:/g, '')}`;
  const svgRef = useRef<SVGSVGElement>(null);

  // the layout depends on the data only: hover, focus and filters never re-run it
  const layout = useMemo(
    () => fitRadarLayout(sectors, entries),
    [sectors, entries],
  );
  const blips = useMemo(
    () =>
      isVisible
        ? layout.blips.filter(b => isVisible(b.entry, b.ring))
        : layout.blips,
    [layout, isVisible],
  );
  const items = useMemo(
    () =>
      isVisible
        ? layout.items.filter(i => isVisible(i.entry, i.ring))
        : layout.items,
    [layout, isVisible],
  );
  const overflow = useMemo(
    () =>
      layout.overflow
        .map(group => ({
          ...group,
          items: isVisible
            ? group.items.filter(i => isVisible(i.entry, i.ring))
            : group.items,
        }))
        .filter(group => group.items.length > 0)
        .map(group => ({ ...group, refs: group.items.map(i => i.ref) })),
    [layout, isVisible],
  );
  const notDrawn = useMemo(
    () => new Set(layout.overflow.flatMap(g => g.items.map(i => i.id))),
    [layout],
  );
  const index = useMemo(
    () => new Map(blips.map((blip, i) => [blip.id, i])),
    [blips],
  );

  const style = useMemo<BlipStyle>(() => {
    const fill: Record<string, string> = {};
    const text: Record<string, string> = {};
    for (const ring of RINGS) {
      fill[ring] = ringColor(theme, ring);
      text[ring] = theme.palette.getContrastText(fill[ring]);
    }
    return {
      fill,
      text,
      markFill: theme.palette.background.paper,
      markStroke: theme.palette.text.primary,
      blipClass: classes.blip,
      focusRingClass: classes.focusRing,
    };
  }, [theme, classes.blip, classes.focusRing]);

  const [activeId, setActiveId] = useState<string>();
  const [tipId, setTipId] = useState<string>();
  const tabbableId =
    activeId !== undefined && index.has(activeId) ? activeId : blips[0]?.id;
  const tipBlip =
    tipId !== undefined ? blips[index.get(tipId) ?? -1] : undefined;

  const blipIdOf = (target: EventTarget | null): string | undefined => {
    const element = (target as Element | null)?.closest?.('[data-blip-id]');
    return element?.getAttribute('data-blip-id') ?? undefined;
  };
  const focusBlip = useCallback(
    (i: number) => {
      const nodes = svgRef.current?.querySelectorAll<SVGGElement>(
        '[data-testid="tech-radar-blip"]',
      );
      nodes?.[i]?.focus();
    },
    [svgRef],
  );
  const open = useCallback(
    (id: string) => {
      const blip = blips[index.get(id) ?? -1];
      if (blip) navigate(entityLink(blip.ref));
    },
    [blips, index, navigate, entityLink],
  );

  const onPointerOver = (event: MouseEvent) => {
    const id = blipIdOf(event.target);
    if (id && id !== tipId) setTipId(id);
  };
  const onPointerOut = (event: MouseEvent) => {
    const id = blipIdOf(event.target);
    const next = blipIdOf(event.relatedTarget);
    if (
      id &&
      next !== id &&
      document.activeElement?.getAttribute('data-blip-id') !== id
    ) {
      setTipId(undefined);
    }
  };
  const onFocus = (event: FocusEvent) => {
    const id = blipIdOf(event.target);
    if (id) {
      setActiveId(id);
      setTipId(id);
    }
  };
  const onBlur = (event: FocusEvent) => {
    if (!blipIdOf(event.relatedTarget)) setTipId(undefined);
  };
  const onClick = (event: MouseEvent) => {
    const id = blipIdOf(event.target);
    if (id) open(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const id = blipIdOf(event.target);
    if (!id) return;
    const i = index.get(id) ?? 0;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(blips.length - 1, i + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, i - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = blips.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        open(id);
        return;
      case 'Escape':
        setTipId(undefined);
        return;
      default:
        return;
    }
    event.preventDefault();
    setActiveId(blips[next].id);
    focusBlip(next);
  };

  return (
    <div>
      <div className={classes.top}>
        <div className={classes.box} style={{ maxWidth: layout.size }}>
          <svg
            ref={svgRef}
            data-testid="tech-radar"
            className={classes.svg}
            viewBox={`0 0 ${layout.size} ${layout.size}`}
            role="group"
            aria-label={`${title}: ${blips.length} blips in ${sectors.length} sectors. Use the arrow keys to move between blips, Enter to open one.`}
          >
            <RadarBackground layout={layout} />
            {/* events are delegated here, so blips stay memoized */}
            <g
              onMouseOver={onPointerOver}
              onMouseOut={onPointerOut}
              onFocus={onFocus}
              onBlur={onBlur}
              onClick={onClick}
              onKeyDown={onKeyDown}
            >
              <RadarBlips
                blips={blips}
                r={layout.blipRadius}
                tabbableId={tabbableId}
                describedBy={tooltipId}
                style={style}
              />
            </g>
          </svg>
          {tipBlip && (
            <RadarTooltip id={tooltipId} blip={tipBlip} size={layout.size} />
          )}
        </div>
        {overflow.length > 0 && (
          <div className={classes.side}>
            <RadarOverflow overflow={overflow} />
          </div>
        )}
      </div>
      <RadarLegend sectors={sectors} items={items} notDrawn={notDrawn} />
    </div>
  );
}
