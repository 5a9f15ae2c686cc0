/**
 * In the popup: 「从本版 PDF 阅读」 when the open layout page links its PDF (lib/extension/pages/pdf-link.ts);
 * nothing otherwise.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/extension/shared/i18n';

export interface PdfLinkProps {
  /** The page's PDF URL, '' when it links none. */
  find: () => Promise<string>;
  open: (pdf: string) => void;
}

export function PdfLink(props: PdfLinkProps): JSX.Element | null {
  const [pdf, setPdf] = useState('');
  useEffect(() => {
    void props.find().then(setPdf, () => setPdf(''));
    // Once, when the popup opens.
  }, []);
  if (!pdf) return null;
  return (
    <p class="popup-pdf">
      <button type="button" data-testid="popup-read-pdf" title={pdf} onClick={() => props.open(pdf)}>
        {t('popupReadPdf')}
      </button>
    </p>
  );
}
