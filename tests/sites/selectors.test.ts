/**
 * Every selector lib/sites hands the selector engine parses, and what the engine does not support
 * throws. The selectors are found in the source with the TypeScript checker, not listed by hand:
 * each call of all/first/walkAll (lib/sites/common/select.ts) has its selector argument followed
 * back through constants, spreads, function parameters (to every call of that function) and
 * PageSelectors properties (to every object literal of that type). A selector the checker cannot
 * follow fails the test, so a new call site cannot slip past it.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { all, first, parseSelector, walkAll, withReadScope } from '../../lib/sites/common/select';
import { docFromHtml } from '../helpers/dom';

const SITES = resolve('lib/sites');
const ENGINE_FILE = join(SITES, 'common/select.ts');
const ENGINE = new Set(['all', 'first', 'walkAll']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Found {
  selectors: Map<string, string[]>; // selector → where it is used
  unresolved: string[];
}

function collectSelectors(): Found {
  const files = sourceFiles(SITES);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    // Symbols and declared types are all the collector asks: without the DOM and ES libraries the
    // checker is built in a fraction of the time.
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const sources = files.map((f) => program.getSourceFile(f)!);
  const found: Found = { selectors: new Map(), unresolved: [] };

  const real = (s: ts.Symbol | undefined) =>
    s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  const where = (n: ts.Node) => {
    const sf = n.getSourceFile();
    const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
    return `${sf.fileName.slice(SITES.length + 1)}:${line + 1}`;
  };

  const calls: ts.CallExpression[] = [];
  const objects: ts.ObjectLiteralExpression[] = [];
  for (const sf of sources) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) calls.push(n);
      if (ts.isObjectLiteralExpression(n)) objects.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  /** Every string the expression can be, or null (and a note) when it cannot be followed. */
  function values(e: ts.Expression, seen: Set<ts.Node>): string[] | null {
    if (seen.has(e)) return [];
    seen.add(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return values(e.expression, seen);
    if (ts.isArrayLiteralExpression(e)) {
      const out: string[] = [];
      for (const el of e.elements) {
        const v = values(ts.isSpreadElement(el) ? el.expression : el, seen);
        if (!v) return null;
        out.push(...v);
      }
      return out;
    }
    if (ts.isIdentifier(e)) {
      const decl = real(checker.getSymbolAtLocation(e))?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return values(decl.initializer, seen);
      // `for (const sel of extra)`: every element of what is iterated.
      if (decl && ts.isVariableDeclaration(decl) && ts.isForOfStatement(decl.parent.parent))
        return values(decl.parent.parent.expression, seen);
      if (decl && ts.isParameter(decl)) return parameterValues(decl, seen);
      return null;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const prop = checker.getSymbolAtLocation(e.name);
      if (!prop) return null;
      const out: string[] = [];
      let any = false;
      for (const o of objects) {
        const p = checker.getContextualType(o)?.getProperty(e.name.text);
        if (p !== prop) continue;
        for (const a of o.properties) {
          if (!ts.isPropertyAssignment(a) || a.name.getText() !== e.name.text) continue;
          const v = values(a.initializer, seen);
          if (!v) return null;
          any = true;
          out.push(...v);
        }
      }
      return any ? out : null;
    }
    return null;
  }

  /** A parameter's values: its argument at every call of its function. */
  function parameterValues(param: ts.ParameterDeclaration, seen: Set<ts.Node>): string[] | null {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const fnSymbol = real(
      ts.isFunctionDeclaration(fn) && fn.name
        ? checker.getSymbolAtLocation(fn.name)
        : ts.isVariableDeclaration(fn.parent)
          ? checker.getSymbolAtLocation(fn.parent.name)
          : undefined,
    );
    if (!fnSymbol) return null;
    const out: string[] = [];
    let any = false;
    for (const c of calls) {
      if (real(checker.getSymbolAtLocation(c.expression)) !== fnSymbol) continue;
      // An argument left out takes the parameter's default (`extra: readonly string[] = []`).
      const arg = c.arguments[index] ?? param.initializer;
      const v = arg ? values(arg, seen) : null;
      if (!v) return null;
      any = true;
      out.push(...v);
    }
    return any ? out : null;
  }

  for (const c of calls) {
    const callee = real(checker.getSymbolAtLocation(c.expression));
    const decl = callee?.valueDeclaration;
    if (!callee || !decl || decl.getSourceFile().fileName !== ENGINE_FILE || !ENGINE.has(callee.name))
      continue;
    if (c.getSourceFile().fileName === ENGINE_FILE) continue; // the engine calling itself
    const arg = c.arguments[1];
    const v = arg ? values(arg, new Set()) : null;
    if (!v) {
      found.unresolved.push(`${where(c)}: ${c.getText()}`);
      continue;
    }
    for (const s of v) found.selectors.set(s, [...(found.selectors.get(s) ?? []), where(c)]);
  }
  return found;
}

const found = collectSelectors();

describe('every selector in lib/sites', () => {
  it('is found: each selector argument is followed back to its strings', () => {
    expect(found.unresolved).toEqual([]);
    // The families' tables and the shared readers: if this drops, the collector lost its way.
    expect(found.selectors.size).toBeGreaterThan(40);
    for (const s of [
      '#ozoom founder-content',
      'map area[href]',
      '.paper-bot .ban',
      '#riqi_',
      'founder-title',
    ])
      expect([...found.selectors.keys()]).toContain(s);
  });

  it.each([...found.selectors].map(([s, at]) => [s, at.join(', ')]))('%j (%s) parses', (selector) => {
    expect(() => parseSelector(selector)).not.toThrow();
  });
});

describe('the selector engine throws on what it does not support', () => {
  it.each([
    ['map > area', 'the child combinator ">"'],
    ['map>area', 'the child combinator ">"'],
    ['h3 + h1', 'the next-sibling combinator "+"'],
    ['h3~h1', 'the subsequent-sibling combinator "~"'],
    ['h3 ~ h1', 'the subsequent-sibling combinator "~"'],
    ['map[name=PagePicMap i] area', 'an attribute value test'],
    ['a[href="x"]', 'an attribute value test'],
    ['[class~=a]', 'an attribute value test'],
    ['p:first-child', 'a pseudo-class'],
    ['p::before', 'a pseudo-class'],
    ['#a, ', 'an empty alternative'],
    ['svg|a', 'a namespace'],
  ])('%j: %s', (selector, what) => {
    expect(() => parseSelector(selector)).toThrow(`Unsupported selector "${selector}": ${what}`);
  });

  it('on both paths: inside a read scope and with native querySelectorAll', () => {
    const doc = docFromHtml('<body><map name="m"><area href="a.htm"></map></body>');
    expect(() => all(doc, 'map > area')).toThrow(/child combinator/);
    expect(() => withReadScope(doc, () => all(doc, 'map > area'))).toThrow(/child combinator/);
    // Every alternative is checked, also those after the one that matched.
    expect(() => withReadScope(doc, () => first(doc, ['map', 'map > area']))).toThrow(/child combinator/);
    expect(() => withReadScope(doc, () => first(doc, ['table', 'map > area']))).toThrow(/child combinator/);
    expect(() => walkAll(doc, 'h3 + h1')).toThrow(/next-sibling/);
    // …and what it supports still matches.
    expect(withReadScope(doc, () => all(doc, 'map area[href]'))).toHaveLength(1);
  });
});
