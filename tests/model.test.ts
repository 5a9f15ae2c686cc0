import { describe, expect, it } from 'vitest';
import { emptyArticle, sourceOf } from '../lib/model';

describe('model factories', () => {
  it('sourceOf copies the bibliographic fields, not references', () => {
    const a = emptyArticle({ key: 'k', paper: '株洲日报', pages: ['A1'], bylines: ['李军'] });
    const s = sourceOf(a);
    expect(s).toMatchObject({ articleKey: 'k', paper: '株洲日报', pages: ['A1'], bylines: ['李军'] });
    s.pages.push('A4');
    expect(a.pages).toEqual(['A1']);
  });
});
