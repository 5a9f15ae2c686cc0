/**
 * reader.html's output, shared by the page-text mode (PasteReader) and the PDF mode (PdfReader): the
 * articles read, one chosen, shown in the same Reader view as on the site, with the problems. One
 * component so that both modes list and show articles the same way; each mode keeps its own input.
 */
import type { JSX, Ref } from 'preact';
import type { PasteResult } from '../lib/extension/pages/paste';
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
  result: PasteResult;
  /** The index of the article shown. */
  chosen: number;
  onChoose: (index: number) => void;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
  ids: ArticlesViewIds;
  /** Passed to the Reader: the paragraphs' element and the highlight layer (capture in paste mode). */
  bodyRef?: Ref<HTMLDivElement>;
  marksRef?: Ref<HTMLDivElement>;
}

/** Article list → Reader of the chosen one (or of the problems alone when nothing was read). */
export function ArticlesView(props: ArticlesViewProps): JSX.Element {
  const { result, chosen, ids } = props;
  const article = result.articles[chosen] ?? null;
  return (
    <section class="paste-output" data-testid={ids.output}>
      <h2>{t('pasteArticles')}</h2>
      {result.articles.length === 0 && <p>{t('pasteNone')}</p>}
      <ol class="article-list" data-testid={ids.list}>
        {result.articles.map((a, i) => (
          <li key={i} data-testid={ids.item} aria-current={i === chosen ? 'true' : undefined}>
            <button type="button" onClick={() => props.onChoose(i)}>
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
          bodyRef={props.bodyRef}
          marksRef={props.marksRef}
        />
      )}
    </section>
  );
}
