import path from 'node:path';
import { MALFORMED, writeCsvWithMalformedLines } from '../helpers/csv';
import { shot } from './shots';
import { expect, test } from './workbench';

test.use({ workbenchOptions: { workspace: 'empty.parity' } });

test('importing a 1M-line CSV shows exactly its 3 malformed lines, with line numbers and reasons', async ({ page, workbench }, info) => {
  const file = path.join(workbench.home, 'orders.csv');
  writeCsvWithMalformedLines(file, 1_000_000);
  await page.goto(workbench.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('empty');
  await expect(page.getByTestId('page-sources')).toBeVisible();

  await page.getByTestId('source-left').getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByTestId('source-dialog');
  await dialog.getByTestId('source-inputs').fill(file);
  await dialog.getByTestId('inspect').click();
  await expect(dialog.getByTestId('inspection')).toBeVisible();
  await expect(dialog.getByLabel('Type of amount')).toHaveValue('DECIMAL(18,2)');
  await expect(dialog.getByTestId('column-types')).toContainText('DECIMAL(18,2) keeps them exact');
  await shot(page, '0-import-dialog', info);
  await dialog.getByTestId('import').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('rows-left')).toHaveText('999,997');
  await page.getByTestId('rejects-link-left').click();
  const rows = page.getByTestId('reject-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('reject-line')).toHaveText([String(MALFORMED.tooManyColumns), String(MALFORMED.badNumber), String(MALFORMED.missingColumns)]);
  await expect(rows.nth(0)).toContainText('Expected 4 fields, found 5.');
  await expect(rows.nth(1)).toContainText('"twelve" in column amount is not a valid DECIMAL.');
  await expect(rows.nth(2)).toContainText('Expected 4 fields, found 2.');
  await shot(page, '1-sources-rejects', info);
});

test('wrong inputs are one sentence in the dialog, and the workspace stays as it was', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('page-sources')).toBeVisible();
  await page.getByTestId('source-left').getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByTestId('source-dialog');
  const missing = path.join(workbench.home, 'missing.csv');
  await dialog.getByTestId('source-inputs').fill(missing);
  await dialog.getByTestId('inspect').click();
  await expect(dialog.getByTestId('dialog-error')).toHaveText(`"${missing}" does not exist.`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('source-left')).toContainText('No source yet');
});
