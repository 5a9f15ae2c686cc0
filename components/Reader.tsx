/**
 * The reader view of one (stitched) article: titles, bylines, paper · date · pages, paragraphs with a
 * seam 「— 接第6版 —」 where each later part begins, images with captions, problems with a link and a
 * retry, and the reader's settings. The article's text is marked `lang="zh-CN"` (CJK line breaking,
 * Chinese glyphs for “” and ……) and set in a column `settings.width` characters wide. Page content is only ever text children (Preact escapes them); links and
 * image sources pass the http(s) / same-origin guards first.
 */
import { Fragment, type JSX, type Ref } from 'preact';
import type { Article, Paragraph } from '../lib/model';
import { headerBylines, metaLine, seamText } from '../lib/extension/shared/format';
import { t } from '../lib/extension/shared/i18n';
import type { ReaderProblem } from '../lib/extension/kit/loader';
import type { ReaderSettings } from '../lib/extension/shared/reader-settings';
import { trusted } from '../lib/extension/shared/trusted';
import { safeImage, safeLink } from '../lib/extension/shared/urls';
import { Settings } from './Settings';

export interface ReaderProps {
  article: Article | null;
  problems: ReaderProblem[];
  /** Pages loaded / asked for while stitching; null when done. */
  progress: { done: number; total: number } | null;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
  onRefresh?: () => void;
  onClose?: () => void;
  /** Open 「整期目录」 for this issue. */
  onIssue?: () => void;
  /** 「存入 Zotero」 for the article shown (absent → no button). */
  onZotero?: () => void;
  /** What that button's last press did (one line under the bar), '' for nothing. */
  handoffStatus?: { text: string; error: boolean };
  /** Receives the element holding the paragraphs (highlights anchor on it). */
  bodyRef?: Ref<HTMLDivElement>;
  /** Receives the layer under the paragraphs where highlights are drawn as boxes. */
  marksRef?: Ref<HTMLDivElement>;
}

/** The whole reader: toolbar, article, problems. */
export function Reader(props: ReaderProps): JSX.Element {
  const { article, problems, progress, settings } = props;
  const cls = `reader theme-${settings.theme} font-${settings.font}`;
  return (
    <article
      class={cls}
      data-testid="reader"
      style={{ fontSize: `${settings.fontSize}px`, '--measure': String(settings.width) }}
    >
      <div class="reader-bar">
        <Settings value={settings} onChange={props.onSettings} />
        {props.onRefresh && (
          <button
            type="button"
            data-testid="reader-refresh"
            title={t('refreshHint')}
            onClick={trusted(props.onRefresh)}
          >
            {t('refresh')}
          </button>
        )}
        {props.onIssue && (
          <button type="button" data-testid="reader-issue" onClick={trusted(props.onIssue)}>
            {t('popupIssue')}
          </button>
        )}
        {props.onZotero && article && (
          <button type="button" data-testid="reader-zotero" onClick={trusted(props.onZotero)}>
            {t('handoffZotero')}
          </button>
        )}
        {props.onClose && (
          <button
            type="button"
            data-testid="reader-close"
            aria-label={t('close')}
            onClick={trusted(props.onClose)}
          >
            {t('close')}
          </button>
        )}
      </div>
      {props.handoffStatus?.text && (
        <p
          class={props.handoffStatus.error ? 'reader-handoff error' : 'reader-handoff'}
          data-testid="reader-handoff"
          role="status"
        >
          {props.handoffStatus.text}
        </p>
      )}
      {progress && (
        <p class="reader-progress" data-testid="reader-progress" role="status">
          {t('loadingPages', [String(progress.done), String(progress.total)])}
        </p>
      )}
      {article ? (
        <ArticleView article={article} bodyRef={props.bodyRef} marksRef={props.marksRef} />
      ) : (
        !progress && <p class="reader-empty">{t('nothingRead')}</p>
      )}
      {problems.length > 0 && (
        <ul class="reader-problems">
          {problems.map((p, i) => (
            <ProblemItem key={i} problem={p} onRetry={props.onRefresh} />
          ))}
        </ul>
      )}
    </article>
  );
}

/** A problem, with a retry (a reload past the caches) where a page failed, and the page to open by hand. */
function ProblemItem({ problem, onRetry }: { problem: ReaderProblem; onRetry?: () => void }): JSX.Element {
  const href = problem.url ? safeLink(problem.url) : '';
  return (
    <li class="reader-problem" data-testid="reader-problem" role="note">
      {problem.text}
      {href && onRetry && (
        <>
          {' '}
          <button type="button" class="reader-retry" data-testid="reader-retry" onClick={trusted(onRetry)}>
            {t('retry')}
          </button>
        </>
      )}
      {href && (
        <>
          {' '}
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        </>
      )}
    </li>
  );
}

function ArticleView({
  article,
  bodyRef,
  marksRef,
}: {
  article: Article;
  bodyRef?: Ref<HTMLDivElement>;
  marksRef?: Ref<HTMLDivElement>;
}): JSX.Element {
  const pageUrl = article.urls[0] ?? '';
  const images = article.images
    .map((im) => ({ src: safeImage(im.src, pageUrl), caption: im.caption }))
    .filter((im) => im.src);
  // Where each later part begins: paragraph index → that part (its page label and URL).
  const seams = new Map(article.parts.slice(1).map((p) => [p.from, p] as const));
  const bylines = headerBylines(article);
  const original = safeLink(pageUrl);
  return (
    <>
      <header class="reader-head" lang="zh-CN">
        {article.leadTitle && (
          <p class="reader-leadtitle" data-testid="reader-leadtitle">
            {article.leadTitle}
          </p>
        )}
        <h1 class="reader-title" data-testid="reader-title">
          {article.title || t('untitled')}
        </h1>
        {article.subtitle && (
          <p class="reader-subtitle" data-testid="reader-subtitle">
            {article.subtitle}
          </p>
        )}
        {bylines.length > 0 && (
          <p class="reader-bylines" data-testid="reader-bylines">
            {bylines.join('　')}
          </p>
        )}
        <p class="reader-meta" data-testid="reader-meta">
          {metaLine(article)}
        </p>
      </header>
      {images.map((im, i) => (
        <figure key={`img${i}`} class="reader-figure">
          <img src={im.src} alt={im.caption} loading="lazy" />
          {im.caption && <figcaption>{im.caption}</figcaption>}
        </figure>
      ))}
      {/* The body holds only the article's paragraphs as <p> (seams are <div>s): highlights anchor on
          its text, which is exactly the article text (lib/extension/capture). */}
      {article.paragraphs.length === 0 && (
        // A page whose text the reader could not find (a picture page, a site change): say so, and
        // offer the page itself rather than a blank reader.
        <p class="reader-empty" data-testid="reader-empty" role="note">
          {t('nothingRead')}
          {original && (
            <>
              {' '}
              <a href={original} target="_blank" rel="noopener noreferrer">
                {t('openOriginal')}
              </a>
            </>
          )}
        </p>
      )}
      <div class="reader-body" data-testid="reader-body" ref={bodyRef} lang="zh-CN">
        {/* Highlight boxes (capture/rect-layer.ts); not a <p>, so not article text. */}
        <div class="reader-marks" aria-hidden="true" ref={marksRef} />
        {article.paragraphs.map((p, i) => {
          const part = seams.get(i);
          return (
            <Fragment key={i}>
              {part && <Seam label={part.page} url={part.url} />}
              <ParagraphView p={p} index={i} />
            </Fragment>
          );
        })}
      </div>
    </>
  );
}

function Seam({ label, url }: { label: string; url: string }): JSX.Element {
  const href = safeLink(url);
  const text = seamText(label);
  return (
    <div class="reader-seam" data-testid="seam" role="separator">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </div>
  );
}

function ParagraphView({ p, index }: { p: Paragraph; index: number }): JSX.Element {
  return (
    <p class={`reader-p kind-${p.kind}`} data-testid="reader-paragraph" data-kind={p.kind} data-para={index}>
      {p.text}
    </p>
  );
}
