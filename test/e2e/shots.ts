/**
 * Screenshots of each screen: into the test's output, or into PARITY_SCREENSHOTS (the README's
 * docs/screenshots) when set.
 */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export async function shot(page: Page, name: string, info: TestInfo): Promise<void> {
  const dir = process.env.PARITY_SCREENSHOTS;
  await page.screenshot({ path: dir ? path.resolve(dir, `${name}.png`) : info.outputPath(`${name}.png`) });
}
