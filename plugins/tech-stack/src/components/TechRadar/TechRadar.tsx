import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS, Ring } from '@techstack/plugin-tech-stack-common';
import {
  FocusEvent,
  KeyboardEvent,
  MouseEvent,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
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
import { RadarTooltip, tooltipStyles } from './RadarTooltip';
import { fitRadarLayout } from './layoutRadar';

const useStyles = makeStyles(theme => ({
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
  },
  box: { position: 'relative', flex: '1 1 480px' },
  // a square of known size that contains its layout and style: hover, focus
  // and tooltip changes inside never make the page (legend, tables) re-lay out
  frame: {
    width: '100%',
    aspectRatio: '1 / 1',
    contain: 'size layout style',
  },
  svg: {
    display: 'block',
    width: '100%',
    height: '100%',
    overflow: 'visible',
  },
  side: { flex: '0 1 280px' },
  blip: { cursor: 'pointer', outline: 'none' },
  // one ring, drawn over the focused (and one over the hovered) blip
  focusRing: {
    fill: 'none',
    stroke: theme.palette.text.primary,
    strokeWidth: 2,
    pointerEvents: 'none',
  },
  hoverRing: {
    fill: 'none',
    stroke: theme.palette.text.secondary,
    strokeWidth: 2,
    pointerEvents: 'none',
  },
  ...tooltipStyles(theme),
}));

/**
 * Props of {@link TechRadar}.
 *
 * @public
 */
export interface TechRadarProps {
  /** The sectors, in order (one per guide section). */
  sectors: string[];
  /** The technologies to place, each in its sector and ring. */
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
 *
 * @public
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
    };
  }, [theme, classes.blip]);
  const tooltipClasses = useMemo(
    () => ({
      tooltip: classes.tooltip,
      tooltipTitle: classes.tooltipTitle,
      tooltipText: classes.tooltipText,
      tooltipLayers: classes.tooltipLayers,
    }),
    [
      classes.tooltip,
      classes.tooltipTitle,
      classes.tooltipText,
      classes.tooltipLayers,
    ],
  );

  // The legend (one line per entry) comes after the radar: the first frame
  // shows the radar, the legend follows in a transition; later filter changes
  // update it in the background too, so the radar answers first.
  const [legendShown, setLegendShown] = useState(false);
  useEffect(() => startTransition(() => setLegendShown(true)), []);
  const legendItems = useDeferredValue(items);
  const legendNotDrawn = useDeferredValue(notDrawn);
  const legendSectors = useDeferredValue(sectors);

  // hover and focus only move the tooltip and the rings: no blip re-renders
  const [activeId, setActiveId] = useState<string>();
  const [tipId, setTipId] = useState<string>();
  const [focusId, setFocusId] = useState<string>();
  const tabbableId =
    activeId !== undefined && index.has(activeId) ? activeId : blips[0]?.id;
  const blipOf = (id: string | undefined) =>
    id !== undefined ? blips[index.get(id) ?? -1] : undefined;
  const tipBlip = blipOf(tipId);
  const focusedBlip = blipOf(focusId);

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
      setFocusId(id);
    }
  };
  const onBlur = (event: FocusEvent) => {
    setFocusId(undefined);
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

  const r = layout.blipRadius;
  return (
    <div>
      <div className={classes.top}>
        <div className={classes.box} style={{ maxWidth: layout.size }}>
          <div className={classes.frame}>
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
                  r={r}
                  tabbableId={tabbableId}
                  describedBy={tooltipId}
                  style={style}
                />
              </g>
              {tipBlip && tipBlip !== focusedBlip && (
                <circle
                  aria-hidden="true"
                  data-testid="tech-radar-hover-ring"
                  className={classes.hoverRing}
                  cx={tipBlip.x}
                  cy={tipBlip.y}
                  r={r + 3}
                />
              )}
              {focusedBlip && (
                <circle
                  aria-hidden="true"
                  data-testid="tech-radar-focus-ring"
                  className={classes.focusRing}
                  cx={focusedBlip.x}
                  cy={focusedBlip.y}
                  r={r + 3}
                />
              )}
            </svg>
          </div>
          {tipBlip && (
            <RadarTooltip
              id={tooltipId}
              blip={tipBlip}
              size={layout.size}
              classes={tooltipClasses}
            />
          )}
        </div>
        {overflow.length > 0 && (
          <div className={classes.side}>
            <RadarOverflow overflow={overflow} />
          </div>
        )}
      </div>
      {legendShown && (
        <RadarLegend
          sectors={legendSectors}
          items={legendItems}
          notDrawn={legendNotDrawn}
        />
      )}
    </div>
  );
}
