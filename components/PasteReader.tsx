/**
 * reader.html's page-text mode: paste (or drop .txt files of) printed pages, read their articles,
 * pick one, and read it in the same Reader view as on the site. Continuations are followed among
 * the pasted pages only.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/extension/shared/i18n';
import { splitPasted, type PasteResult, type Sheet } from '../lib/extension/pages/paste';
import type { ReaderSettings } from '../lib/extension/shared/reader-settings';
import { ArticlesView, type ArticlesViewProps } from './ArticlesView';

export interface PasteReaderProps {
  /** Read the sheets (readSheets bound to readText and stitchPages). */
  read: (sheets: Sheet[]) => Promise<PasteResult>;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
  /** The article the Reader shows and its body (for highlights and clips), or null when none. */
  onShown?: ArticlesViewProps['onShown'];
}

/** Textarea + dropped files → article list → Reader. */
export function PasteReader(props: PasteReaderProps): JSX.Element {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Sheet[]>([]);
  const [result, setResult] = useState<PasteResult | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (): Promise<void> => {
    setBusy(true);
    const sheets = [...splitPasted(text).map((s) => ({ name: '', text: s })), ...files];
    setResult(await props.read(sheets));
    setBusy(false);
  };

  const onDrop = async (e: DragEvent): Promise<void> => {
    e.preventDefault();
    await addFiles(Array.from(e.dataTransfer?.files ?? []));
  };
  // A dropped file and one chosen with 「打开文件」 are read the same way.
  const addFiles = async (dropped: File[]): Promise<void> => {
    try {
      const read = await Promise.all(dropped.map(async (f) => ({ name: f.name, text: await f.text() })));
      setFiles((old) => [...old, ...read]);
    } catch {
      setResult({ articles: [], problems: [t('pasteDropFailed')] });
    }
  };

  return (
    <div class="paste-reader">
      <section class="paste-input" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
        <h1>{t('pasteTitle')}</h1>
        <p id="paste-hint">{t('pasteHint')}</p>
        <label for="paste-text" class="paste-label">
          {t('pasteLabel')}
        </label>
        <textarea
          id="paste-text"
          aria-describedby="paste-hint"
          data-testid="paste"
          rows={10}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {files.length > 0 && (
          <ul class="paste-files" data-testid="paste-files">
            {files.map((f, i) => (
              <li key={i}>{f.name}</li>
            ))}
          </ul>
        )}
        <label class="file-button">
          {t('pasteOpen')}
          <input
            type="file"
            multiple
            accept=".txt,text/plain"
            data-testid="paste-open"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const chosen = Array.from(input.files ?? []);
              input.value = '';
              void addFiles(chosen);
            }}
          />
        </label>{' '}
        <button type="button" data-testid="paste-read" disabled={busy} onClick={() => void run()}>
          {t('pasteRead')}
        </button>
      </section>
      {result && (
        <ArticlesView
          result={result}
          settings={props.settings}
          onSettings={props.onSettings}
          ids={{ list: 'article-list', item: 'article-item' }}
          onShown={props.onShown}
        />
      )}
    </div>
  );
}
