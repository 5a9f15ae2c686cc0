/**
 * 「这一页读得不对」 in Chromium, as far as a test can go without a click on the toolbar button: the
 * tab's HTML is asked for under the activeTab grant that click gives, which no test can make. So this
 * checks the popup's wiring on the real browser: the button is there for a web page, asking a tab the
 * extension may not read ends in the message (in the browser's language), and no file is saved. The
 * report itself (readers, file contents) is tested in tests/extension/report.test.tsx and the CLI's.
 */
import { describe, expect, it } from 'vitest';
import { useDemo, waitReady } from './harness.ts';
import { openExtensionPage } from './library-helpers.ts';
import { SPLIT } from './stories.ts';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import zh from '../../public/_locales/zh_CN/messages.json' with { type: 'json' };

const demo = useDemo();

describe('page report from the popup', () => {
  it('a tab the popup was not granted says so, and saves nothing', async () => {
    const tab = await demo.open(SPLIT.first);
    await waitReady(tab.page, 'article');
    const url = tab.page.url();
    const downloads: string[] = [];
    for (const tabId of ['999999', '']) {
      const popup = await openExtensionPage(
        demo.browser,
        `popup.html?url=${encodeURIComponent(url)}${tabId ? `&tab=${tabId}` : ''}`,
      );
      popup.on('download', (d) => downloads.push(d.suggestedFilename()));
      const button = popup.locator('[data-testid="report-page"]');
      expect([en.reportPage.message, zh.reportPage.message]).toContain(await button.textContent());
      await button.click();
      await expect
        .poll(() => popup.locator('[data-testid="report-said"]').textContent())
        .toMatch(new RegExp(`^(${en.reportNoAccess.message}|${zh.reportNoAccess.message})$`));
      await popup.close();
    }
    expect(downloads).toEqual([]);
    await tab.page.close();
  });
});
