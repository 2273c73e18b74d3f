import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TruncatedText } from './TruncatedText';

describe('TruncatedText', () => {
  it('keeps a short name as it is, with the name on hover', async () => {
    await renderInTestApp(<TruncatedText text="PostgreSQL" />);
    const text = screen.getByText('PostgreSQL');
    expect(text).toHaveAttribute('title', 'PostgreSQL');
  });

  it('puts at most maxLength characters of a long name in the page, and all of it on hover', async () => {
    const long = `Overlong${'x'.repeat(10_000)}`;
    await renderInTestApp(<TruncatedText text={long} maxLength={50} />);
    const text = screen.getByTitle(long);
    expect(text.textContent).toHaveLength(50);
    expect(text.textContent!.endsWith('…')).toBe(true);
    // cut to two lines by default, wrapping anywhere
    expect(text.style.webkitLineClamp).toBe('2');
  });

  it('shows markup as text, never as elements', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const { container } = await renderInTestApp(
      <TruncatedText text={payload} />,
    );
    expect(screen.getByText(payload)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
