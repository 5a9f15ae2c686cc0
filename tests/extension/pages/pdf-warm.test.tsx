// @vitest-environment happy-dom
/**
 * PdfReader's `warm`: pdf.js and its worker start loading when reader.html opens (not when the first
 * PDF is dropped), again on hover, focus or drag-in after a failed load, and not at all beside
 * ?pdf=… (that PDF is read at once). The e2e (tests/e2e/pdf.test.ts) times it in Chromium.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { PdfReader } from '../../../components/pdf/PdfReader';
import { DEFAULT_SETTINGS } from '../../../lib/extension/shared/reader-settings';
import { useLocale } from '../helpers';

const tick = () => new Promise((r) => setTimeout(r, 20));

function show(warm: () => Promise<unknown>, initial?: () => Promise<{ error: string }>) {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <PdfReader
      read={async () => ({ articles: [], problems: [] })}
      initial={initial}
      warm={warm}
      settings={DEFAULT_SETTINGS}
      onSettings={() => undefined}
    />,
    root,
  );
  return () => root.querySelector('[data-testid="pdf-drop"]') as HTMLElement;
}

describe('PdfReader warms pdf.js', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    useLocale('en');
  });

  it('on opening, and says when it is ready', async () => {
    let calls = 0;
    const drop = show(async () => void calls++);
    await tick();
    expect(calls).toBe(1);
    expect(drop().dataset.pdfjs).toBe('ready');
    drop().dispatchEvent(new Event('pointerenter'));
    await tick();
    // Ready: hovering asks no more.
    expect(calls).toBe(1);
  });

  it('a failed load is tried again on focus and on drag-in', async () => {
    let calls = 0;
    const drop = show(() => (++calls < 3 ? Promise.reject(new Error('no worker')) : Promise.resolve()));
    await tick();
    expect(drop().dataset.pdfjs).toBeUndefined();
    drop()
      .querySelector('input')!
      .dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await tick();
    expect(calls).toBe(2);
    drop().dispatchEvent(new Event('dragenter', { bubbles: true }));
    await tick();
    expect(calls).toBe(3);
    expect(drop().dataset.pdfjs).toBe('ready');
  });

  it('not beside reader.html?pdf=…, which reads its PDF at once', async () => {
    let calls = 0;
    show(
      async () => void calls++,
      async () => ({ error: 'gone' }),
    );
    await tick();
    expect(calls).toBe(0);
  });
});
