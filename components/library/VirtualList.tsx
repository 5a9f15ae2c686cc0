/**
 * A windowed list with a fixed row height: only the rows in view (plus a few above and below) are
 * in the DOM, placed absolutely inside a spacer as tall as every row together, so 50,000 items
 * scroll like 50. Chromium caps an element's height near 33.5 million px: 50,000 rows of 96 px is
 * 4.8 million, far below.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** First (inclusive) and last (exclusive) row to render for a scroll position. */
export function visibleRange(
  scrollTop: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): [number, number] {
  if (count <= 0 || rowHeight <= 0) return [0, 0];
  const first = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan);
  const last = Math.min(
    count,
    Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight) + overscan,
  );
  return [Math.min(first, last), last];
}

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Height of the scrolling box in px. */
  height: number;
  overscan?: number;
  /** A stable key for row i (item id), so edited rows keep their state while scrolling. */
  rowKey: (index: number) => string;
  renderRow: (index: number) => JSX.Element;
  /** Changing it scrolls back to the top (a new search or filter). */
  resetKey?: string;
  label?: string;
}

/** The list: a scrolling box, a full-height spacer, and the visible rows. */
export function VirtualList(props: VirtualListProps): JSX.Element {
  const [top, setTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [props.resetKey]);
  const [first, last] = visibleRange(top, props.height, props.rowHeight, props.count, props.overscan ?? 6);
  const rows: JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={props.rowKey(i)}
        class="vrow"
        role="listitem"
        aria-posinset={i + 1}
        aria-setsize={props.count}
        style={{ top: `${i * props.rowHeight}px`, height: `${props.rowHeight}px` }}
      >
        {props.renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      class="vlist"
      data-testid="vlist"
      style={{ height: `${props.height}px` }}
      onScroll={(e) => setTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div
        class="vspace"
        role="list"
        aria-label={props.label}
        style={{ height: `${props.count * props.rowHeight}px` }}
      >
        {rows}
      </div>
    </div>
  );
}
