import { makeStyles } from '@material-ui/core/styles';
import { truncateText } from '../../lib/truncate';

const useStyles = makeStyles({
  root: {
    // at most `lines` lines, the last one ending in an ellipsis; words longer
    // than the box break anywhere, so no name widens its container
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
    wordBreak: 'break-word',
    maxWidth: '100%',
  },
  // isolate bidirectional text: a right-to-left override in a name never
  // reorders the text around it
  bidi: { unicodeBidi: 'isolate' },
});

/** Props of {@link TruncatedText}. */
export interface TruncatedTextProps {
  /** The text, shown in full on hover (the `title` attribute). */
  text: string;
  /** Lines shown before the ellipsis. Default 2. */
  lines?: number;
  /** Characters kept in the page at most (the rest never reaches the DOM). Default 300. */
  maxLength?: number;
  /** The element to render. Default `span`. */
  component?: 'span' | 'div';
  className?: string;
}

/**
 * Text from a guide or the catalog, cut to a few lines with an ellipsis and
 * shown in full on hover, so a name of any length keeps the layout: it never
 * grows wider than its container nor taller than `lines` lines. Rendered as
 * text (React escapes it), never as markup.
 */
export function TruncatedText(props: TruncatedTextProps) {
  const { text, lines = 2, maxLength = 300, className } = props;
  const classes = useStyles();
  const Component = props.component ?? 'span';
  return (
    <Component
      className={`${classes.root} ${classes.bidi}${
        className ? ` ${className}` : ''
      }`}
      style={{ WebkitLineClamp: lines }}
      title={text}
    >
      {truncateText(text, maxLength)}
    </Component>
  );
}
