// The English catalogue is a chunk of its own (issue 4's 200 KB budget): Vietnamese renders
// without it, choosing English fetches it and switches, the choice survives a reload with no
// Vietnamese first paint, and switching back is immediate.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe.js';
import { browserSpec } from './server.js';

const spec = browserSpec();

/** A page that records the script URLs it fetches and the first heading text ever painted. */
async function trackedPage(): Promise<{ page: Page; scripts: string[] }> {
  const context = await spec.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { firstH1?: string };
    new MutationObserver(() => {
      const h1 = document.querySelector('h1');
      if (h1 && w.firstH1 === undefined) w.firstH1 = h1.textContent ?? '';
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { page, scripts };
}

const englishChunk = (scripts: string[]) => scripts.some((s) => /\/assets\/en-[\w-]+\.js$/.test(s));

describe('language switch', () => {
  it('loads English only when chosen, remembers it, and switches back at once', async () => {
    const { page, scripts } = await trackedPage();
    await page.goto(`${spec.url}/dich-vu-cong`, { waitUntil: 'networkidle' });
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1.textContent()).resolves.toBe('Tra cứu thủ tục hành chính');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(englishChunk(scripts)).toBe(false);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    expect(englishChunk(scripts)).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await page.evaluate(() => localStorage.getItem('cqs.lang'))).toBe('en');
    await expectNoSeriousA11yViolations(page);

    // Reload: the first heading ever painted is already English.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Find an administrative procedure' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { firstH1?: string }).firstH1)).toBe(
      'Find an administrative procedure',
    );

    // Back to Vietnamese: no fetch needed, the heading changes on the click.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(h1.textContent()).resolves.toBe('Tra cứu thủ tục hành chính');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.evaluate(() => localStorage.getItem('cqs.lang'))).toBe('vi');
  });
});
