/**
 * reader.html's output, shared by the page-text mode (PasteReader) and the PDF mode (PdfReader): the
 * articles read, one chosen, shown in the same Reader view as on the site, with the problems. One
 * component so that both modes list and show articles the same way; each mode keeps its own input.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PasteResult } from '../lib/extension/pages/paste';
import type { Article } from '../lib/model';
import { t } from '../lib/extension/shared/i18n';
import { problemText } from '../lib/extension/shared/problem-text';
import type { ReaderSettings } from '../lib/extension/shared/reader-settings';
import { Reader } from './Reader';

/** The test ids of one mode's output: both modes sit on reader.html, and the e2e tests tell them apart. */
export interface ArticlesViewIds {
  /** The output section's (none in the page-text mode). */
  output?: string;
  list: string;
  item: string;
}

export interface ArticlesViewProps {
  /** What the mode read; a new result shows its first article. */
  result: PasteResult;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
  ids: ArticlesViewIds;
  /** The article the Reader shows and its body (for highlights and clips), or null when none. */
  onShown?: (article: Article | null, body: { root: HTMLElement; marks: HTMLElement } | null) => void;
}

/** Article list → Reader of the chosen one (or of the problems alone when nothing was read). */
export function ArticlesView(props: ArticlesViewProps): JSX.Element {
  const { result, ids } = props;
  // The choice belongs to the result it was made in: a new result starts again at its first article.
  const [pick, setPick] = useState({ result, index: 0 });
  const chosen = pick.result === result ? pick.index : 0;
  const article = result.articles[chosen] ?? null;
  // Capture (highlight, clip, copy with citation) follows the article on screen, as in the reader.
  const bodyRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = bodyRef.current;
    const marks = marksRef.current;
    props.onShown?.(article, article && root && marks ? { root, marks } : null);
  }, [article]);
  return (
    <section class="paste-output" data-testid={ids.output}>
      <h2>{t('pasteArticles')}</h2>
      {result.articles.length === 0 && <p>{t('pasteNone')}</p>}
      <ol class="article-list" data-testid={ids.list}>
        {result.articles.map((a, i) => (
          <li key={i} data-testid={ids.item} aria-current={i === chosen ? 'true' : undefined}>
            <button type="button" onClick={() => setPick({ result, index: i })}>
              {a.title || t('untitled')}
            </button>
          </li>
        ))}
      </ol>
      {(article || result.problems.length > 0) && (
        <Reader
          article={article}
          problems={result.problems.map((text) => ({ text: problemText(text) }))}
          progress={null}
          settings={props.settings}
          onSettings={props.onSettings}
          bodyRef={bodyRef}
          marksRef={marksRef}
        />
      )}
    </section>
  );
}
