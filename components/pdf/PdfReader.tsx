/**
 * reader.html's PDF mode: choose or drop page PDFs (one or several pages; continued stories are
 * stitched among them), or open the PDF a layout page links, then pick an article and read it in the
 * same Reader view as on the site. The reading itself is `read` (lib/extension/pages/pdf.ts).
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PasteResult } from '../../lib/extension/pages/paste';
import type { PdfFile } from '../../lib/extension/pages/pdf';
import { t } from '../../lib/extension/shared/i18n';
import type { ReaderSettings } from '../../lib/extension/shared/reader-settings';
import { ArticlesView } from '../ArticlesView';

export interface PdfReaderProps {
  /** Read the PDFs (readPdfFiles bound to pdf.js and stitchPages). */
  read: (files: PdfFile[]) => Promise<PasteResult>;
  /** PDFs to read at once (reader.html?pdf=URL: a layout page's 「PDF下载」 link), fetched by the caller. */
  initial?: () => Promise<PdfFile[] | { error: string }>;
  settings: ReaderSettings;
  onSettings: (s: ReaderSettings) => void;
  /**
   * Load pdf.js and start its worker ahead of the first PDF (browserPdfJs): called once the page is
   * shown, and again when the chooser is hovered or focused or a file dragged in (a load that failed
   * is tried again). Loading pdf.js is most of the first PDF's time, and the reader needs a moment
   * to choose a file anyway.
   */
  warm?: () => Promise<unknown>;
}

async function bytesOf(files: File[]): Promise<PdfFile[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** File chooser + drop zone → article list → Reader. */
export function PdfReader(props: PdfReaderProps): JSX.Element {
  const [result, setResult] = useState<PasteResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  const warm = (): void => {
    if (props.warm && !ready)
      void props.warm().then(
        () => setReady(true),
        () => undefined,
      );
  };

  const run = async (files: () => Promise<PdfFile[] | { error: string }>): Promise<void> => {
    setBusy(true);
    try {
      const got = await files();
      setResult('error' in got ? { articles: [], problems: [got.error] } : await props.read(got));
    } catch {
      setResult({ articles: [], problems: [t('pasteDropFailed')] });
    }
    setBusy(false);
  };

  useEffect(() => {
    if (props.initial) void run(props.initial);
    // After the first paint, so the page-text mode above is not held up.
    else warm();
    // Once, on opening: reader.html?pdf=… reads the linked PDF.
  }, []);

  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    const dropped = Array.from(e.dataTransfer?.files ?? []);
    if (dropped.length) void run(() => bytesOf(dropped));
  };

  return (
    <div class="paste-reader pdf-reader">
      <section
        class="paste-input"
        data-testid="pdf-drop"
        data-pdfjs={ready ? 'ready' : undefined}
        onDragEnter={warm}
        onPointerEnter={warm}
        onFocusIn={warm}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <h2>{t('pdfTitle')}</h2>
        <p>{t('pdfHint')}</p>
        <input
          type="file"
          accept="application/pdf,.pdf"
          multiple
          data-testid="pdf-input"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const files = Array.from(input.files ?? []);
            if (files.length) void run(() => bytesOf(files));
          }}
        />
        {busy && <p data-testid="pdf-busy">{t('pdfReading')}</p>}
      </section>
      {result && (
        <ArticlesView
          result={result}
          settings={props.settings}
          onSettings={props.onSettings}
          ids={{ output: 'pdf-output', list: 'pdf-article-list', item: 'pdf-article-item' }}
        />
      )}
    </div>
  );
}
