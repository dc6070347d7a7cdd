/**
 * Explaining differences on the demo workspace, as a steward would: set a profile on first start,
 * annotate one row, a selection and a drill group, promote the group into a rule, re-run and see the
 * rule explain it with the annotations carried, then sign off with an override. Screenshots of each.
 */
import type { Locator } from '@playwright/test';
import { shot } from './shots';
import { expect, test } from './workbench';

test.use({ workbenchOptions: { profile: null } });

const num = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const counted = async (l: Locator) => {
  await expect(l).toHaveText(/\d/);
  return num(await l.textContent());
};

test('annotate a row, a selection and a group; promote the group into a rule; re-run; sign off', async ({ page, workbench }, info) => {
  test.setTimeout(300_000);
  await page.goto(workbench.url);

  // First start: who is working, recorded on every change.
  const profile = page.getByTestId('profile-dialog');
  await expect(profile).toBeVisible();
  await profile.getByLabel('Your name').fill('Ana Steward');
  await profile.getByLabel('Your role').fill('data steward');
  await profile.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile')).toHaveText('Ana Steward · data steward');
  await expect(page.getByTestId('level-cards')).toBeVisible({ timeout: 180_000 });
  const unexplainedAtFirst = await counted(page.getByTestId('unexplained-count'));
  expect(unexplainedAtFirst).toBeGreaterThan(0);

  // Drill to a region's product and its first month's exception rows.
  await page.getByTestId('nav-drill').click();
  const level = page.getByTestId('drill-level');
  const groups = page.getByTestId('group-grid');
  await expect(level).toHaveAttribute('data-dimension', 'REGION');
  await groups.locator('.ag-row[row-index="0"] [col-id="value"]').click();
  await expect(level).toHaveAttribute('data-dimension', 'PRODUCT');
  await groups.locator('.ag-row[row-index="0"] [col-id="value"]').click();
  await expect(level).toHaveAttribute('data-dimension', 'month');
  // Every group says how many of its exceptions are still unexplained.
  await expect(groups.locator('.ag-row[row-index="0"] [col-id="xUnexplained"]')).toHaveText(/^[\d,]+$/);
  const firstMonthUnexplained = await counted(groups.locator('.ag-row[row-index="0"] [col-id="xUnexplained"]'));
  await groups.locator('.ag-row[row-index="0"] [col-id="value"]').click();
  const rowsPanel = page.getByTestId('exception-rows');
  await expect(rowsPanel).toBeVisible();
  await rowsPanel.getByRole('button', { name: 'Mismatch', exact: true }).click();
  const grid = page.getByTestId('exception-grid');
  // A row is drawn twice (its pinned class and key, and the rest); either half takes a click.
  const row = (i: number) => grid.locator(`.ag-row[row-index="${i}"]`).first();
  const cell = (i: number, column: string) => grid.locator(`.ag-row[row-index="${i}"] [col-id="${column}"]`);
  await expect(row(2)).toBeVisible();

  // One row: from its detail, with a category, a note and a ticket; "saved" once the engine has it.
  await row(0).click();
  const detail = page.getByTestId('row-detail');
  await expect(detail.getByTestId('row-notes')).toContainText('Nobody has annotated this exception yet.');
  await detail.getByTestId('annotate-row').click();
  const dialog = page.getByTestId('annotate-dialog');
  await dialog.getByLabel('Category').selectOption('defect');
  await dialog.getByLabel('Note').fill('The new loader rounds per line, not per order.');
  await dialog.getByLabel('Ticket').fill('MIG-101');
  await dialog.getByTestId('annotate-save').click();
  await expect(dialog.getByTestId('annotate-saved')).toHaveText('Saved: 1 exception annotated.');
  await shot(page, '7-annotate-row', info);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(detail.getByTestId('row-annotation')).toContainText('MIG-101');
  await detail.getByTestId('row-history').locator('summary').click();
  await expect(detail.getByTestId('row-history')).toContainText('Ana Steward (data steward) · annotate');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(cell(0, 'ticket')).toHaveText('MIG-101');

  // A selection: the row opened above stays selected, as in a spreadsheet; Ctrl+click adds two more.
  await row(1).click({ modifiers: ['Control'] });
  await row(2).click({ modifiers: ['Control'] });
  await expect(rowsPanel.getByTestId('annotate-selected')).toHaveText('Annotate 3 selected…');
  await rowsPanel.getByTestId('annotate-selected').click();
  await dialog.getByLabel('Category').selectOption('data_quality');
  await dialog.getByLabel('Status').selectOption('explained');
  await dialog.getByTestId('annotate-save').click();
  await expect(dialog.getByTestId('annotate-saved')).toHaveText('Saved: 3 exceptions annotated.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(cell(1, 'category')).toHaveText('data_quality');
  await expect(cell(0, 'ticket')).toHaveText('MIG-101');
  await expect(rowsPanel.getByTestId('explained-data_quality')).toContainText('3');

  // The whole drill group (this region's product, every month): one annotation for all of it.
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');
  const bar = page.getByTestId('explanation-bar');
  await expect(bar.getByTestId('explained-data_quality')).toContainText('3');
  const unexplainedInGroup = await counted(bar.getByTestId('explained-unexplained'));
  await page.getByTestId('annotate-group').click();
  await expect(dialog).toContainText(/Annotate all [\d,]+ exceptions in REGION \S+ · PRODUCT /);
  await dialog.getByLabel('Category').selectOption('approved_difference');
  await dialog.getByLabel('Note').fill('FX restatement agreed with group reporting.');
  await dialog.getByTestId('annotate-save').click();
  await expect(dialog.getByTestId('annotate-saved')).toHaveText(/^Saved: [\d,]+ exceptions annotated\.$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  const annotatedGroup = await counted(bar.getByTestId('explained-approved_difference'));
  expect(annotatedGroup).toBeGreaterThanOrEqual(firstMonthUnexplained);
  await expect(bar.getByTestId('explained-unexplained')).toHaveCount(0);
  await expect(groups.locator('.ag-row[row-index="0"] [col-id="xUnexplained"]')).toHaveText('0');
  await shot(page, '7-drill-explained', info);

  // Promote the group into a rule: its path becomes the predicate; the re-run shows what it explains.
  await page.getByTestId('promote-group').click();
  const promote = page.getByTestId('promote-dialog');
  await expect(promote.getByLabel('Predicate')).toHaveValue(/^d\."REGION" = '.+' AND d\."PRODUCT" = '.+'$/);
  await promote.getByLabel('Reason').fill('The new platform restates FX at month end; agreed with group reporting.');
  await promote.getByLabel('Consumers affected').fill('Group reporting, FX desk');
  await shot(page, '7-promote-rule', info);
  await promote.getByTestId('promote-save').click();
  await expect(promote).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('delta-line')).toContainText(`explains ${annotatedGroup.toLocaleString('en-US')} exceptions`);

  // Results after the re-run: the rule's count, the annotations carried, the run history, sign-off.
  await page.getByTestId('nav-results').click();
  await expect(page.getByTestId('level-semantic').locator('[data-testid^="rule-count-"]')).toHaveText(annotatedGroup.toLocaleString('en-US'));
  expect(await counted(page.getByTestId('annotated-count'))).toBe(annotatedGroup);
  // The row and the two selected were unexplained mismatches before the group's annotation took them in.
  const unexplained = await counted(page.getByTestId('unexplained-count'));
  expect(unexplained).toBe(unexplainedAtFirst - 3 - unexplainedInGroup);
  const signOff = page.getByTestId('sign-off');
  await expect(signOff.getByTestId('runs')).toContainText('2');
  await expect(signOff.getByTestId('sign-off-blocked')).toContainText(`${unexplained.toLocaleString('en-US')} exceptions are still unexplained`);
  await expect(signOff.getByTestId('sign-off-button')).toBeDisabled();
  await signOff.getByLabel('Override reason').fill('Month-end deadline; the rest is tracked in MIG-200.');
  await signOff.getByTestId('sign-off-button').click();
  await expect(signOff.getByTestId('signed-off')).toContainText('Signed off by Ana Steward (data steward)');
  await expect(signOff.getByTestId('signed-off')).toContainText(`Override with ${unexplained.toLocaleString('en-US')} unexplained`);
  await signOff.getByTestId('verify-history').click();
  await expect(signOff.getByTestId('verify-result')).toHaveText(/^All [\d,]+ history entries follow from each other\.$/);
  await shot(page, '7-results-signed', info);

  // A signed run is frozen: an annotation is refused with one sentence.
  await page.getByTestId('nav-drill').click();
  await page.getByTestId('annotate-group').click();
  await dialog.getByLabel('Status').selectOption('approved');
  await dialog.getByTestId('annotate-save').click();
  await expect(dialog.getByRole('alert')).toContainText('signed off');
});
