/** The layout overlay's contract with the content script. */
import type { BlockMarks } from '../../../../components/Overlay';
import type { Article } from '../../../model';
import type { ReaderPanel } from '../../kit/reader';

/** What the overlay needs from the content script. */
export interface OverlayEnv {
  doc: Document;
  host: HTMLElement;
  /** ctx.addEventListener: removed when the content script is invalidated. */
  listen: (target: EventTarget, type: string, fn: (e: Event) => void) => void;
  panel: Pick<ReaderPanel, 'open' | 'close' | 'isOpen'>;
}

/** Marks learnt after the overlay is up (issue scan, articles read in the panel). */
export interface OverlayControl {
  learn(article: Article): void;
  addMarks(marks: Record<string, BlockMarks>): void;
}
