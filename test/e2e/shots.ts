/**
 * Screenshots of each screen: into the test's output, or into PARITY_SCREENSHOTS (the README's
 * docs/screenshots) when set.
 */
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

export async function shot(page: Page, name: string, info: TestInfo): Promise<void> {
  const dir = process.env.PARITY_SCREENSHOTS;
  // Charts follow their grid once the page is idle; the picture shows them drawn, not dimmed on their way.
  await expect(page.locator('.chart[data-pending]')).toHaveCount(0);
  await page.screenshot({ path: dir ? path.resolve(dir, `${name}.png`) : info.outputPath(`${name}.png`) });
}
