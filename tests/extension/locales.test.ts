import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allProblems, problem, problemOf, type ProblemCode } from '../../lib/model/problems';
import { problemKey, problemText } from '../../lib/extension/shared/problem-text';
import { messages, useLocale } from './helpers';

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** UI sources: every component and entrypoint, and the browser-side code. */
const UI = [...sources('components'), ...sources('entrypoints'), ...sources('lib/extension')];

const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join();

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

  it('every UI string used anywhere in the UI sources is in both locales', () => {
    const keys = new Set<string>();
    for (const f of UI)
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) keys.add(m[1]);
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !zh[k] || !en[k])).toEqual([]);
  });

  const PROBLEMS = allProblems();
  /** A problem's English sentence with its parameters filled in. */
  const sentence = (code: ProblemCode, params: string[]) =>
    PROBLEMS[code].replace(/\$(\d)/g, (_, d: string) => params[Number(d) - 1] ?? '');

  it('every problem of the core has a message in both locales with the same placeholders', () => {
    const codes = Object.keys(PROBLEMS) as ProblemCode[];
    const missing = codes.filter((c) => !zh[problemKey(c)] || !en[problemKey(c)]);
    expect(missing).toEqual([]);
    const wrong = codes.filter(
      (c) =>
        placeholders(zh[problemKey(c)].message) !== placeholders(PROBLEMS[c]) ||
        placeholders(en[problemKey(c)].message) !== placeholders(PROBLEMS[c]),
    );
    expect(wrong).toEqual([]);
  });

  it('reads every problem back to its code and parameters, and shows it in Chinese', () => {
    useLocale('zh_CN');
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      const params = ['下转A4版', 'A4', '「一枚“海南芯”」', 'x.htm (HTTP 404)'];
      const text = sentence(code, params);
      expect(problemOf(text)?.code, text).toBe(code);
      const shown = problemText(text);
      expect(shown, code).not.toBe(text);
      // Nothing of the English sentence is left: only parameters and names (UTF-8, JSON) are Latin.
      const rest = params
        .reduce((acc, p) => acc.split(p).join(''), shown)
        .replace(/UTF-8|GB18030|JSON|HTML|HTTP/g, '');
      expect(rest, `${code}: ${shown}`).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(problemText('第4版不在网站上了（HTTP 404）。')).toBe('第4版不在网站上了（HTTP 404）。');
    expect(problemText(problem('noDate'))).toBe('没有日期：报头和地址里都没有出版日期。');
    // Paste mode: the page loader's own refusal inside the stitcher's note, both translated.
    expect(problemText(problem('pageUnavailable', '下转A4版', 'A4', problem('pageNotGiven', 'A4')))).toBe(
      '下转A4版：第 A4 版无法载入（没有给出第 A4 版）',
    );
    expect(
      problemText(problem('pageUnavailable', '下转A4版', 'A4', '这一版不在网站上了（HTTP 404）。')),
    ).toBe('下转A4版：第 A4 版无法载入（这一版不在网站上了（HTTP 404）。）');
  });

  it('every problem or refusal the core writes is a sentence of lib/model/problems.ts', () => {
    // The page readers run in the content script, whose size budget leaves no room for the table:
    // they write their English sentences in place, and this checks each one can be read back (and
    // so translated). Literals are taken where a problem is made: `problems.push(…)`, `problems: […]`,
    // `error: …`, `new Error(…)` in lib/stitch, a `…Reason()`'s return, NOT_TEXT.
    const core = ['lib/text', 'lib/sites', 'lib/stitch', 'lib/export'].flatMap(sources);
    const made = (n: ts.Node, src: ts.SourceFile): boolean => {
      for (let p = n.parent, depth = 0; p && depth < 5; p = p.parent, depth++) {
        if (ts.isCallExpression(p)) return /problems\.push$/.test(p.expression.getText(src));
        if (ts.isNewExpression(p))
          return p.expression.getText(src) === 'Error' && src.fileName.includes('stitch');
        if (ts.isPropertyAssignment(p)) return ['problems', 'error'].includes(p.name.getText(src));
        if (ts.isVariableDeclaration(p)) return p.name.getText(src) === 'NOT_TEXT';
        if (ts.isReturnStatement(p)) {
          const fn = ts.findAncestor(p, ts.isFunctionDeclaration);
          return Boolean(fn?.name && /Reason$/.test(fn.name.text));
        }
        if (
          !ts.isConditionalExpression(p) &&
          !ts.isArrayLiteralExpression(p) &&
          !ts.isParenthesizedExpression(p)
        )
          return false;
      }
      return false;
    };
    const samples: string[] = [];
    for (const f of core) {
      const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (n: ts.Node): void => {
        let text: string | null = null;
        if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
        else if (ts.isTemplateExpression(n))
          text = n.head.text + n.templateSpans.map((sp, i) => `p${i + 1}` + sp.literal.text).join('');
        if (text !== null && text !== '' && made(n, src)) samples.push(`${f}: ${text}`);
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    expect(samples.length).toBeGreaterThan(20);
    const unknown = samples.filter((s) => problemOf(s.slice(s.indexOf(': ') + 2)) === null);
    expect(unknown).toEqual([]);
    // And the table fills its sentences as the core writes them.
    expect(problem('cycle', '下转A4版', 'A4')).toBe(
      '下转A4版: page A4 is already part of this article (a cycle); stopped there',
    );
  });

  it('the UI components hold no hard-coded Latin words and pass no problem through untranslated', () => {
    // JSX text and user-visible attributes with Latin words; names of standards stay as printed.
    const SHOWN = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description']);
    const allowed = (s: string) =>
      /^\s*https?:\/\/\S*\s*$/.test(s) || // an example address (a WebDAV server's) is no sentence
      /^\s*(GB\/T 7714[—-]\d{4}|CSL-JSON|Markdown|Zotero|Obsidian|zip|A\+|A-)\s*$/.test(s);
    const found: string[] = [];
    for (const f of UI.filter((p) => p.endsWith('.tsx'))) {
      const src = ts.createSourceFile(
        f,
        readFileSync(f, 'utf8'),
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TSX,
      );
      const visit = (n: ts.Node): void => {
        if (ts.isJsxText(n) && /[A-Za-z]{2,}/.test(n.text) && !allowed(n.text))
          found.push(`${f}: ${n.text.trim()}`);
        if (
          ts.isJsxAttribute(n) &&
          SHOWN.has(n.name.getText(src)) &&
          n.initializer &&
          ts.isStringLiteral(n.initializer) &&
          /[A-Za-z]{2,}/.test(n.initializer.text) &&
          !allowed(n.initializer.text)
        )
          found.push(`${f}: ${n.name.getText(src)}="${n.initializer.text}"`);
        if (
          ts.isJsxExpression(n) &&
          n.expression &&
          (ts.isStringLiteral(n.expression) || ts.isNoSubstitutionTemplateLiteral(n.expression)) &&
          /[A-Za-z]{2,}/.test(n.expression.text) &&
          !allowed(n.expression.text)
        )
          found.push(`${f}: {${n.expression.getText(src)}}`);
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
    expect(found).toEqual([]);
    // Problems from the core reach a component only through problemText.
    const raw = UI.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => /problems\.map\(\s*\(?\w+\)?\s*=>\s*\(\{\s*text\s*\}\)/.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(raw).toEqual([]);
  });

  it('the manifest default locale exists and names the extension', () => {
    expect(zh.extName.message).toBe('数字报阅读助手');
    expect(en.extName.message).toBe('E-paper Reader');
  });
});
