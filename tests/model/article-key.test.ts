import { describe, expect, it } from 'vitest';
import { articleKey, keyHost, keyPublication, parseArticleKey } from '../../lib/model/article-key.ts';

const none = { paper: '', date: '', label: '', order: 0 };

describe('article keys are made and read back by one module', () => {
  it.each([
    ['https://zqb.cyol.com/pc/content/202412/25/content_430781.html', 'zqb.cyol.com', 'content_430781'],
    [
      'http://www.news.hndaily.cn/html/2026-07/13/content_58465_19697268.htm',
      'news.hndaily.cn',
      'content_58465_19697268',
    ],
    [
      'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm',
      'paper.people.com.cn',
      'nw.D110000renmrb_20171016_1-01',
    ],
  ])('%s → host %s, id %s', (url, host, id) => {
    const key = articleKey(url, none);
    expect(parseArticleKey(key)).toEqual({ kind: 'site', host, id });
    expect(keyHost(key)).toBe(host);
    expect(keyPublication(key)).toEqual({ paper: '', date: '', page: '' });
  });

  it('a URL without a site id falls back to paper|date|page|order, read back the same', () => {
    const key = articleKey('file:///A1.txt', {
      paper: '株洲日报',
      date: '2022-02-07',
      label: 'A1',
      order: 3,
    });
    expect(key).toBe('株洲日报|2022-02-07|A1|3');
    expect(parseArticleKey(key)).toEqual({
      kind: 'fallback',
      paper: '株洲日报',
      date: '2022-02-07',
      page: 'A1',
      order: '3',
    });
    expect(keyHost(key)).toBe('');
    expect(keyPublication(key)).toEqual({ paper: '株洲日报', date: '2022-02-07', page: 'A1' });
  });

  it.each(['', '|||', '株洲日报|某天|A1|0', 'no-slash', '/leading'])(
    '%j names no host and no dated publication',
    (key) => {
      expect(keyHost(key)).toBe('');
      expect(keyPublication(key).date).toBe('');
    },
  );
});
