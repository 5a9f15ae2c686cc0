/**
 * The layout-page overlay: outlines over the page image (quietly outlined and numbered at rest, lit
 * on hover / keyboard focus) and a numbered list of the page's article blocks with continuation
 * marks (→ A4, ← A1) when known.
 * Titles are text children only, inside a link (new tab) whose href, like `data-href`, is the guarded
 * absolute http(s) article URL or absent. Every handler answers real input only (`trusted`): a page
 * script's synthetic click or key opens nothing.
 */
import type { JSX } from 'preact';
import type { Block } from '../lib/model';
import { t } from '../lib/extension/shared/i18n';
import { trusted } from '../lib/extension/shared/trusted';
import { safeLink } from '../lib/extension/shared/urls';

/** Where the page image is, relative to the overlay host, and its scale from map coordinates. */
export interface ImageBox {
  left: number;
  top: number;
  width: number;
  height: number;
  sx: number;
  sy: number;
}

/** Continuation labels known for a block (from articles already read): "A4" / "A1". */
export interface BlockMarks {
  to?: string;
  from?: string;
}

export interface OverlayProps {
  blocks: Block[];
  marks: Record<string, BlockMarks>;
  /** Keyboard position (j/k), -1 for none. */
  current: number;
  /** Block under the pointer (outline or list item), -1 for none. */
  hover: number;
  box: ImageBox | null;
  collapsed: boolean;
  onOpen: (index: number) => void;
  onHover: (index: number) => void;
  onToggle: () => void;
}

/** Outlines plus the numbered list. */
export function Overlay(props: OverlayProps): JSX.Element {
  return (
    <>
      {props.box && <Outlines {...props} box={props.box} />}
      <nav class={`block-panel${props.collapsed ? ' collapsed' : ''}`} aria-label={t('blocksOnPage')}>
        <button
          type="button"
          class="block-toggle"
          data-testid="block-toggle"
          onClick={trusted(props.onToggle)}
        >
          {props.collapsed ? t('showBlocks', [String(props.blocks.length)]) : t('hideBlocks')}
        </button>
        <ol class="block-list" data-testid="block-list" hidden={props.collapsed}>
          {props.blocks.map((b, i) => (
            <BlockItem {...props} key={i} index={i} block={b} mark={props.marks[b.href]} />
          ))}
        </ol>
        {!props.collapsed && <p class="block-keys">{t('keysHint')}</p>}
      </nav>
    </>
  );
}

function BlockItem(
  props: OverlayProps & { index: number; block: Block; mark: BlockMarks | undefined },
): JSX.Element {
  const { index, block, mark: marks } = props;
  const lit = index === props.current || index === props.hover;
  return (
    <li
      class={`block-item${lit ? ' lit' : ''}`}
      data-testid="block-item"
      data-href={safeLink(block.href)}
      aria-current={index === props.current ? 'true' : undefined}
      // Reachable with Tab too (j/k are the fast way); Enter or Space opens.
      tabIndex={0}
      onMouseEnter={trusted(() => props.onHover(index))}
      onMouseLeave={trusted(() => props.onHover(-1))}
      onFocus={trusted(() => props.onHover(index))}
      onBlur={trusted(() => props.onHover(-1))}
      // The title is a real link (open in a new tab, copy the address); a plain click opens the reader.
      onClick={trusted((e: MouseEvent) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        props.onOpen(index);
      })}
      onKeyDown={trusted((e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onOpen(index);
        }
      })}
    >
      <span class="block-num">{index + 1}</span>
      {/* tabIndex -1: the item is the one Tab stop (Enter opens the reader); the link is for the
          pointer's new tab and the screen reader's links list. href only when http(s) (safeLink). */}
      <a
        class="block-title"
        href={safeLink(block.href) || undefined}
        target="_blank"
        rel="noopener"
        tabIndex={-1}
      >
        {block.title || t('untitled')}
      </a>
      {marks?.from && (
        <span class="mark" data-testid="mark-continued" title={t('markContinued', [marks.from])}>
          ← {marks.from}
        </span>
      )}
      {marks?.to && (
        <span class="mark" data-testid="mark-continues" title={t('markContinues', [marks.to])}>
          → {marks.to}
        </span>
      )}
    </li>
  );
}

function Outlines(props: OverlayProps & { box: ImageBox }): JSX.Element {
  const { box } = props;
  const style = {
    left: `${box.left}px`,
    top: `${box.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
  };
  return (
    <svg class="outlines" style={style} width={box.width} height={box.height} aria-hidden="true">
      {props.blocks.map((b, i) =>
        b.polygons.length === 0 ? null : (
          <g
            key={i}
            class={`outline${i === props.current || i === props.hover ? ' lit' : ''}`}
            data-testid="block-outline"
            data-index={i}
            onMouseEnter={trusted(() => props.onHover(i))}
            onMouseLeave={trusted(() => props.onHover(-1))}
            onClick={trusted(() => props.onOpen(i))}
          >
            {b.polygons.map((poly, k) => (
              <polygon key={k} points={poly.map((p) => `${p.x * box.sx},${p.y * box.sy}`).join(' ')} />
            ))}
            {/* Above the block's corner, on the gutter: inside it the number sat on the headline's first character. */}
            <text x={corner(b, 'x') * box.sx + 2} y={Math.max(11, corner(b, 'y') * box.sy - 3)}>
              {String(i + 1)}
            </text>
          </g>
        ),
      )}
    </svg>
  );
}

/** Top-left corner of a block's first polygon, where its number is drawn. */
function corner(b: Block, axis: 'x' | 'y'): number {
  return Math.min(...b.polygons[0].map((p) => p[axis]));
}
