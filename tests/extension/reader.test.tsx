// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Reader, type ReaderProps } from '../../components/Reader';
import { DEFAULT_SETTINGS } from '../../lib/extension/shared/reader-settings';
import { emptyArticle, type Article } from '../../lib/model';
import { userClick, useLocale } from './helpers';

const P1 = 'http://127.0.0.1:4173/html/2026-07/13/content_58464_19697256.htm';
const P2 = 'http://127.0.0.1:4173/html/2026-07/13/content_58465_19697268.htm';

/** A stitched two-part article as lib/stitch returns it (split regime, 001 → 002). */
function stitched(init: Partial<Article> = {}): Article {
  return emptyArticle({
    paper: '海南日报',
    date: '2026-07-13',
    pages: ['1', '2'],
    leadTitle: '脑机接口',
    title: '一枚“海南芯”，让“意念控制”照进现实',
    subtitle: '本土团队研发',
    bylines: ['海南日报全媒体记者 陈蔚林'],
    paragraphs: [
      { text: '第一段。', kind: 'text' },
      { text: '第二段。', kind: 'text' },
      { text: '第三段在第2版。', kind: 'text' },
    ],
    urls: [P1, P2],
    parts: [
      { page: '1', url: P1, from: 0, to: 2, regime: 'first' },
      { page: '2', url: P2, from: 2, to: 3, regime: 'split' },
    ],
    ...init,
  });
}

function show(props: Partial<ReaderProps>): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Reader
      article={stitched()}
      problems={[]}
      progress={null}
      settings={DEFAULT_SETTINGS}
      onSettings={() => undefined}
      {...props}
    />,
    root,
  );
  return root;
}

const q = (root: HTMLElement, id: string) => Array.from(root.querySelectorAll(`[data-testid="${id}"]`));

beforeEach(() => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
});

describe('Reader', () => {
  it('shows titles, bylines, meta, every paragraph once and the seam with a link to page 2', () => {
    const root = show({});
    expect(q(root, 'reader-leadtitle')[0].textContent).toBe('脑机接口');
    expect(q(root, 'reader-title')[0].textContent).toBe('一枚“海南芯”，让“意念控制”照进现实');
    expect(q(root, 'reader-subtitle')[0].textContent).toBe('本土团队研发');
    expect(q(root, 'reader-meta')[0].textContent).toBe('海南日报 · 2026-07-13 · 第1、2版');
    expect(q(root, 'reader-paragraph').map((p) => p.textContent)).toEqual([
      '第一段。',
      '第二段。',
      '第三段在第2版。',
    ]);
    const seams = q(root, 'seam');
    expect(seams.map((s) => s.textContent)).toEqual(['— 接第2版 —']);
    expect(seams[0].querySelector('a')!.getAttribute('href')).toBe(P2);
    // The seam sits right before the first paragraph of part 2.
    expect(seams[0].nextElementSibling!.textContent).toBe('第三段在第2版。');
  });

  it('says the seam in English with the en locale', () => {
    useLocale('en');
    expect(q(show({}), 'seam')[0].textContent).toBe('— continued on page 2 —');
  });

  it('renders hostile page content as inert text', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const root = show({
      article: stitched({
        title: evil,
        paragraphs: [{ text: '<a href="javascript:alert(3)">点我</a>', kind: 'text' }],
        urls: ['javascript:alert(4)'],
        parts: [
          { page: '1', url: 'javascript:alert(5)', from: 0, to: 1 },
          { page: '2', url: 'javascript:alert(6)', from: 1, to: 1 },
        ],
        images: [{ src: 'javascript:alert(7)', caption: '<b>x</b>' }],
      }),
      problems: [{ text: '<i>bad</i>', url: 'javascript:alert(8)' }],
    });
    expect(q(root, 'reader-title')[0].textContent).toBe(evil);
    expect(root.querySelectorAll('script, img, [onerror], i, b').length).toBe(0);
    expect(Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([]);
    expect(q(root, 'reader-problem')[0].textContent).toBe('<i>bad</i>');
  });

  it('loads images only from the page origin, with their captions', () => {
    const root = show({
      article: stitched({
        images: [
          { src: '../../../images/2026-07/13/pic.jpg', caption: '海南芯片 陈蔚林 摄' },
          { src: 'https://tracker.example.com/x.gif', caption: '外站' },
        ],
      }),
    });
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([
      'http://127.0.0.1:4173/images/2026-07/13/pic.jpg',
    ]);
    expect(root.querySelector('figcaption')!.textContent).toBe('海南芯片 陈蔚林 摄');
  });

  it('shows progress while loading, and the part found with problems and links when a page is missing', () => {
    const loading = show({ article: null, progress: { done: 1, total: 2 } });
    expect(q(loading, 'reader-progress')[0].textContent).toBe('正在载入各版……（1/2）');
    const partial = show({
      article: stitched({ parts: [], pages: ['1'] }),
      problems: [{ text: '这一版不在网站上了（HTTP 404）。', url: P2 }],
    });
    expect(q(partial, 'reader-progress')).toEqual([]);
    expect(q(partial, 'reader-paragraph').length).toBe(3);
    const problem = q(partial, 'reader-problem')[0];
    expect(problem.textContent).toBe('这一版不在网站上了（HTTP 404）。 打开原页面');
    expect(problem.querySelector('a')!.getAttribute('href')).toBe(P2);
  });

  it.each([
    // 讯/电 bylines open the running text as printed (demo paper 07-09): not repeated in the header.
    [
      '本报海口7月8日讯（海南日报全媒体记者陈蔚林）',
      '本报海口7月8日讯（海南日报全媒体记者陈蔚林）7月8日，省政府与…',
      [],
    ],
    ['本报讯（海南日报全媒体记者李艳玫）', '本报讯（海南日报全媒体记者李艳玫）7月8日，海南日报…', []],
    ['新华社北京7月8日电', '新华社北京7月8日电 中央组织部组织编写的《…》', []],
    // A byline line of its own stays in the header.
    [
      '海南日报全媒体记者 黄媛艳',
      '在近日举办的全国脑机接口科技与产业融合创新大会上…',
      ['海南日报全媒体记者 黄媛艳'],
    ],
  ])('shows the byline 「%s」 once', (byline, first, header) => {
    const root = show({
      article: stitched({ bylines: [byline], paragraphs: [{ text: first, kind: 'text' }] }),
    });
    expect(q(root, 'reader-bylines').map((b) => b.textContent)).toEqual(header.length ? header : []);
    expect(q(root, 'reader-paragraph')[0].textContent).toBe(first);
  });

  it('says so, with a link to the page, when an article has no text', () => {
    const root = show({ article: stitched({ paragraphs: [], parts: [] }) });
    const note = q(root, 'reader-empty')[0];
    expect(note.textContent).toBe('没有读到这篇文章的正文。 打开原页面');
    expect(note.querySelector('a')!.getAttribute('href')).toBe(P1);
    expect(q(root, 'reader-paragraph')).toEqual([]);
  });

  it('offers a retry next to a page that failed, and marks the text as Chinese', () => {
    let retried = 0;
    const root = show({
      problems: [{ text: '第4版不在网站上了（HTTP 404）。', url: P2 }],
      onRefresh: () => retried++,
    });
    userClick(q(root, 'reader-retry')[0]);
    expect(retried).toBe(1);
    expect(q(root, 'reader-body')[0].getAttribute('lang')).toBe('zh-CN');
  });

  it('toggles keep one label and say their state with aria-pressed; the width is a pressed one of three', () => {
    const dark = show({ settings: { ...DEFAULT_SETTINGS, theme: 'dark', font: 'sans', width: 46 } });
    const light = show({});
    for (const [root, pressed] of [
      [light, 'false'],
      [dark, 'true'],
    ] as const) {
      expect(q(root, 'theme')[0].textContent).toBe('夜间');
      expect(q(root, 'theme')[0].getAttribute('aria-pressed')).toBe(pressed);
      expect(q(root, 'font-family')[0].textContent).toBe('黑体');
      expect(q(root, 'font-family')[0].getAttribute('aria-pressed')).toBe(pressed);
    }
    const widths = (root: HTMLElement) =>
      ['width-32', 'width-38', 'width-46'].map((id) => q(root, id)[0].getAttribute('aria-pressed'));
    expect(widths(light)).toEqual(['false', 'true', 'false']);
    expect(widths(dark)).toEqual(['false', 'false', 'true']);
  });

  it('hands new settings to onSettings from its controls', () => {
    const seen: unknown[] = [];
    const root = show({ onSettings: (s) => seen.push(s) });
    userClick(q(root, 'font-larger')[0]);
    userClick(q(root, 'theme')[0]);
    userClick(q(root, 'font-family')[0]);
    userClick(q(root, 'width-46')[0]);
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, fontSize: DEFAULT_SETTINGS.fontSize + 2 },
      { ...DEFAULT_SETTINGS, theme: 'dark' },
      { ...DEFAULT_SETTINGS, font: 'sans' },
      { ...DEFAULT_SETTINGS, width: 46 },
    ]);
  });
});
