/**
 * The library page and the popup by keyboard and screen reader, in Chromium: an axe-core scan
 * (axe.min.js evaluated in the page through the DevTools protocol, which the extension pages' CSP
 * does not block) must find no violation; 「从备份恢复」 is reached by Tab alone; an empty library
 * offers no export or backup; an empty search result offers 「清除筛选」; a built-in site's popup
 * says 「此网站已内置支持。」 instead of offering the switch.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackup } from '../../lib/export/index.ts';
import type { ExtensionBrowser } from './launch.ts';
import { bigLibrary } from './library-data.ts';
import { launchLibraryBrowser, openExtensionPage } from './library-helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FIRST_URL = 'http://127.0.0.1/a11y/content_1.htm';

let browser: ExtensionBrowser;
let dir: string;
let backupFile: string;

beforeAll(async () => {
  browser = await launchLibraryBrowser();
  dir = mkdtempSync(join(tmpdir(), 'epaper-a11y-'));
  backupFile = join(dir, 'backup.json');
  writeFileSync(backupFile, makeBackup(bigLibrary(40, FIRST_URL), new Date(Date.UTC(2026, 10, 29))));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's WCAG 2.x A/AA rules over the page; the violations, each with where it is. */
async function scan(page: Page): Promise<Array<{ id: string; impact: string | null; where: string[] }>> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations;
  });
  return found.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A UI string as the extension shows it in this browser's language. */
function msg(page: Page, key: string): Promise<string> {
  return page.evaluate(
    (k) =>
      (
        globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }
      ).chrome.i18n.getMessage(k),
    key,
  );
}

/** Press Tab until `testid` has focus; how many presses it took, or -1 after `max`. */
async function tabTo(page: Page, testid: string, max = 60): Promise<number> {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (at === testid) return i;
  }
  return -1;
}

describe('library page, keyboard and screen reader', () => {
  it('an empty library: export and backup are off, restore is reached by Tab, axe finds nothing', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="lib-empty"]').waitFor();
    for (const id of ['export-copy', 'export-md', 'export-zip', 'export-csl', 'backup'])
      expect(await page.locator(`[data-testid="${id}"]`).isDisabled(), id).toBe(true);
    expect(await tabTo(page, 'restore-file')).toBeGreaterThan(0);
    expect(await scan(page)).toEqual([]);
    await page.close();
  });

  it('a restored library: filters labelled, 清除筛选 on no match, axe finds nothing', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="lib-empty"]').waitFor();
    await page.locator('[data-testid="restore-file"]').setInputFiles(backupFile);
    await page.locator('[data-testid="lib-row"]').first().waitFor();
    expect(await page.locator('[data-testid="backup"]').isDisabled()).toBe(false);
    // The date fields have accessible names; the 「==文字==」 select has a visible label.
    expect(await page.getByLabel(await msg(page, 'filterDateFrom')).count()).toBe(1);
    expect(await page.getByLabel(await msg(page, 'filterDateTo')).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: await msg(page, 'markStyle') }).count()).toBe(1);
    expect(await scan(page)).toEqual([]);

    await page.locator('[data-testid="lib-search"]').fill('这句话不在库里');
    await page.locator('[data-testid="lib-empty"]').waitFor();
    expect(await page.locator('[data-testid="clear-filters"]').textContent()).toBe(
      await msg(page, 'clearFilters'),
    );
    await page.locator('[data-testid="clear-filters"]').click();
    await page.locator('[data-testid="lib-row"]').first().waitFor();
    expect(await page.locator('[data-testid="lib-search"]').inputValue()).toBe('');

    await page.locator('[data-testid="view"]').selectOption('articles');
    await page.locator('[data-testid="article-row"]').first().waitFor();
    expect(await scan(page)).toEqual([]);
    await page.close();
  });
});

describe('popup, keyboard and screen reader', () => {
  it('a built-in site says 此网站已内置支持。 with no switch; axe finds nothing', async () => {
    const builtin = 'http://paper.people.com.cn/rmrb/pc/layout/202607/13/node_01.html';
    const page = await openExtensionPage(browser, `popup.html?url=${encodeURIComponent(builtin)}`);
    await page.locator('[data-testid="site-hint"]').waitFor();
    const builtIn = await msg(page, 'siteBuiltIn');
    expect(['此网站已内置支持。', 'This site is supported out of the box.']).toContain(builtIn);
    await page.locator('[data-testid="site-hint"]', { hasText: builtIn }).waitFor();
    expect(await page.locator('[data-testid="site-switch"]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(await msg(page, 'siteSwitch'));
    expect(await scan(page)).toEqual([]);
    await page.close();
  });

  it('another site offers the switch; axe finds nothing', async () => {
    const page = await openExtensionPage(browser, `popup.html?url=${encodeURIComponent(FIRST_URL)}`);
    await page.locator('[data-testid="site-switch"]').waitFor();
    expect(await scan(page)).toEqual([]);
    await page.close();
  });
});
