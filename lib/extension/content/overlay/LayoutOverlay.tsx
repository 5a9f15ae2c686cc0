/**
 * The layout page (版面) surface, one Preact component holding the overlay's state: keyboard
 * position (j/k, Enter opens), hover, collapsed, continuation marks (from the issue scan and from
 * articles read in the panel); the page image's box follows resizes and the image's load. A block
 * opens in the reader panel on click or Enter, real input only (trusted.ts).
 *
 * A class, not hooks: `preact/hooks` in the content script measured +2,964 bytes for this surface
 * against 524 left in the budget (docs/extension.md); Component is in the bundle already.
 */
import { Component, type JSX } from 'preact';
import { Overlay, type BlockMarks } from '../../../../components/Overlay';
import type { Article, Page } from '../../../model';
import { labelsMatch } from '../../../text/labels';
import { trusted } from '../../shared/trusted';
import { findPageImage, imageBox } from '../geometry';
import { moveIndex, overlayKey } from '../keys';
import type { OverlayControl, OverlayEnv } from './types';

interface State {
  current: number;
  hover: number;
  collapsed: boolean;
  marks: Record<string, BlockMarks>;
}

/** The overlay of one layout page; `control` gets its `learn`/`addMarks` for the content script. */
export class LayoutOverlay
  extends Component<{ page: Page; env: OverlayEnv; control: { current: OverlayControl | null } }, State>
  implements OverlayControl
{
  override state: State = { current: -1, hover: -1, collapsed: false, marks: {} };
  private img = findPageImage(this.props.env.doc, this.props.page);
  private root: HTMLDivElement | null = null;
  /** The keyboard position as of the last key: two keys may come before the next render. */
  private at = -1;

  private moveTo(i: number): void {
    this.at = i;
    this.setState({ current: i });
  }

  /** Open block `i` in the reader panel. */
  open = (i: number): void => {
    const b = this.props.page.blocks[i];
    if (!b) return;
    this.moveTo(i);
    void this.props.env.panel.open({ url: b.href });
  };

  learn(article: Article): void {
    const { page } = this.props;
    const i = article.pages.findIndex((l) => labelsMatch(l, page.label));
    const href = page.blocks.find((b) => article.urls.includes(b.href))?.href;
    if (!href || i < 0) return;
    this.setState((s) => ({
      marks: { ...s.marks, [href]: { from: article.pages[i - 1], to: article.pages[i + 1] } },
    }));
  }

  // What a read article showed wins over what the title scan guessed.
  addMarks(found: Record<string, BlockMarks>): void {
    this.setState((s) => ({ marks: { ...found, ...s.marks } }));
  }

  /** Listeners of the content script's lifecycle (env.listen): the tree lives as long. */
  override componentDidMount(): void {
    const { env, page } = this.props;
    // Preact 11 hands a class component's `ref` on as a prop: the handle is given explicitly.
    this.props.control.current = this;
    const again = (): void => this.forceUpdate();
    env.listen(env.doc.defaultView ?? env.doc, 'resize', again);
    if (this.img && !this.img.complete) env.listen(this.img, 'load', again);
    // A page script's synthetic j/k/Enter (dispatchEvent) must not move or open anything.
    env.listen(
      env.doc,
      'keydown',
      trusted((ev) => {
        const e = ev as KeyboardEvent;
        const key = overlayKey(e, e.target);
        if (!key) return;
        if (key === 'close') {
          if (env.panel.isOpen()) env.panel.close();
          return;
        }
        if (env.panel.isOpen()) return;
        const at = this.at;
        // Enter on one of our own buttons is that button's click, not "open the current block".
        if (key === 'open' && (at < 0 || e.target === env.host)) return;
        e.preventDefault();
        if (key === 'open') this.open(at);
        else this.moveTo(moveIndex(at, key, page.blocks.length));
      }),
    );
  }

  /** Keep the current item visible in a long list (人民日报 pages have 10+ blocks), and its outline in view. */
  override componentDidUpdate(_: unknown, before: State): void {
    const i = this.state.current;
    if (i === before.current || i < 0) return;
    this.root?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
    this.root?.querySelector(`.outline[data-index="${i}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): JSX.Element {
    const { page, env } = this.props;
    const s = this.state;
    return (
      <div ref={(el) => void (this.root = el)}>
        <Overlay
          blocks={page.blocks}
          marks={s.marks}
          current={s.current}
          hover={s.hover}
          box={this.img ? imageBox(this.img, env.host, page) : null}
          collapsed={s.collapsed}
          onOpen={this.open}
          onHover={(hover) => this.setState({ hover })}
          onToggle={() => this.setState((x) => ({ collapsed: !x.collapsed }))}
        />
      </div>
    );
  }
}
