import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from './helpers';

/**
 * Every `t('key')` in the reading UI's sources (issue 3): lib/extension and the top-level components
 * (not their sub-folders), and the content/popup/reader/background entrypoints. Sub-folders and other
 * entrypoints belong to later issues and are checked by their own tests.
 */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (dir: string, deep: boolean) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (deep) walk(path, deep);
      } else if (/\.tsx?$/.test(name))
        for (const m of readFileSync(path, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) keys.add(m[1]);
    }
  };
  walk('components', false);
  walk('lib/extension', false);
  for (const e of ['content', 'popup', 'reader']) walk(join('entrypoints', e), true);
  walk('entrypoints', false);
  return [...keys].sort();
}

describe('locales', () => {
  const zh = messages('zh_CN');
  const en = messages('en');

  it('zh_CN and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('every UI string used in the code is in both locales', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !zh[k] || !en[k])).toEqual([]);
  });

  it('substitutions agree between the locales', () => {
    const subs = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();
    expect(Object.keys(zh).filter((k) => subs(zh[k].message) !== subs(en[k].message))).toEqual([]);
  });

  it('the manifest default locale exists and names the extension', () => {
    expect(zh.extName.message).toBe('数字报阅读助手');
    expect(en.extName.message).toBe('E-paper Reader');
  });
});
