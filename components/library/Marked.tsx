/**
 * A text with the search's matches in <mark> elements. The text is only ever a Preact child (a text
 * node): a title like 「<script>alert(1)</script>」 shows as those characters, never as markup.
 */
import type { JSX } from 'preact';
import { segments } from '../../lib/extension/pages/library/matches';

/** `text` with every occurrence of a query part marked. */
export function Marked(props: { text: string; parts: readonly string[] }): JSX.Element {
  if (props.parts.length === 0) return <>{props.text}</>;
  return (
    <>
      {segments(props.text, props.parts).map((s, i) =>
        s.hit ? (
          <mark key={i} data-testid="match">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
