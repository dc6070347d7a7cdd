import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './workbench';

test.use({ workbenchOptions: { workspace: 'odd.parity' } });

async function addSource(page: Page, side: 'left' | 'right', file: string) {
  await page.getByTestId(`source-${side}`).getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByTestId('source-dialog');
  await dialog.getByTestId('source-inputs').fill(file);
  await dialog.getByTestId('inspect').click();
  await expect(dialog.getByTestId('inspection')).toBeVisible();
  await dialog.getByTestId('import').click();
  await expect(dialog).toBeHidden();
}

test('column names with spaces, quotes, keywords and unicode go through the whole flow', async ({ page, workbench }) => {
  const header = '"order id",select,"Prix ""€""",日付,group';
  const left = path.join(workbench.home, 'legacy odd.csv');
  const right = path.join(workbench.home, "new 'odd'.csv");
  fs.writeFileSync(left, [header, '1,a,10.00,2026-03-09 10:00:00,Nord', '2,b,20.00,2026-03-09 11:00:00,Süd', '3,c,30.00,2026-03-09 12:00:00,Süd'].join('\n'));
  fs.writeFileSync(right, [header, '1,a,10.00,2026-03-09 10:00:00,Nord', '2,B,20.01,2026-03-09 11:00:00,Süd', '4,d,40.00,2026-03-09 13:00:00,Süd'].join('\n'));
  await page.goto(workbench.url);
  await expect(page.getByTestId('page-sources')).toBeVisible();
  await addSource(page, 'left', left);
  await addSource(page, 'right', right);
  await expect(page.getByTestId('schema-table')).toContainText('Prix "€"');
  await page.getByTestId('key-picker').getByLabel('Add a key column').selectOption('order id');
  await expect(page.getByTestId('dup-left')).toHaveText('0');

  // Sorting a grid by a quoted unicode column happens in DuckDB.
  await page.getByTestId('tab-data').click();
  const grid = page.getByTestId('data-grid-left');
  const price = grid.getByRole('columnheader', { name: 'Prix "€"', exact: true });
  await price.click();
  await price.click();
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="order id"]')).toHaveText('3');
  // So does filtering by it from the header's filter row: an exact decimal, counted over every row.
  await grid.getByRole('spinbutton', { name: 'Prix "€" Filter Input' }).fill('20.00');
  await expect(page.getByTestId('data-total')).toHaveText('1 of 3');
  // The header still says how the rows are sorted once they are filtered.
  await expect(price).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="order id"]')).toHaveText('2');

  await page.getByTestId('nav-contract').click();
  await page.getByTestId('run-contract').click();
  await expect(page.getByTestId('page-results')).toBeVisible();
  await expect(page.getByTestId('mismatched-select')).toHaveText('1');
  await expect(page.getByTestId('mismatched-Prix "€"')).toHaveText('1');

  await page.getByTestId('nav-drill').click();
  const rows = page.getByTestId('exception-grid').locator('.ag-row[row-index]');
  await expect(rows).toHaveCount(3);
  // Sorting the exception rows by a unicode column (descending, empty values last) happens in DuckDB too.
  const when = page.getByTestId('exception-grid').getByRole('columnheader', { name: '日付 · legacy', exact: true });
  await when.click();
  await when.click();
  await expect(rows.first().locator('[col-id="order id"]')).toHaveText('3');
  await rows.filter({ hasText: 'mismatch' }).click();
  await expect(page.getByTestId('row-detail')).toBeVisible();
  await expect(page.getByTestId('detail-Prix "€"')).toContainText('20.01');
  await expect(page.getByTestId('error')).toBeHidden();
});
