/**
 * The analyst's whole flow on the demo workspace: results, toggles with their delta line, drill-down
 * region → product → month → rows, row detail, and a cancelled run. Screenshots of each screen go to
 * the test's output (and to docs/screenshots with PARITY_SCREENSHOTS=docs/screenshots).
 */
import { shot } from './shots';
import { expect, test } from './workbench';

const num = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('open, toggle, drill to a row, open it, cancel a run', async ({ page, workbench }, info) => {
  test.setTimeout(300_000);
  await page.goto(workbench.url);
  await expect(page.getByTestId('level-cards')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('match-rate')).toHaveText(/%$/);
  await shot(page, '3-results', info);

  // Switch the legacy side's zone rule off: timestamps are then compared as written, and the delta says so.
  const orderTs = page.getByTestId('mismatched-ORDER_TS');
  const before = num(await orderTs.textContent());
  await page.getByTestId('rule-left').locator('select').selectOption('instant');
  await expect(page.getByTestId('delta-line')).toContainText('ORDER_TS mismatches');
  await expect.poll(async () => num(await orderTs.textContent())).toBeGreaterThan(before * 10);
  const without = num(await orderTs.textContent());
  // The per-region rule is no longer in the contract, yet stays on offer to toggle back to, even after
  // the workspace is opened again.
  await page.reload();
  await expect(orderTs).toHaveText(without.toLocaleString('en-US'), { timeout: 60_000 });
  // Toggled counts are a what-if: the recorded run is not signed off or packed on them.
  await expect(page.getByTestId('sign-off-what-if')).toContainText('Run the comparison again to record them');
  await expect(page.getByTestId('sign-off-button')).toBeDisabled();
  await expect(page.getByTestId('export-pack')).toBeDisabled();
  await expect(page.getByTestId('rule-left').locator('option[value="perRow"]')).toHaveText('Local time per row by REGION');
  // And back: the per-region rule explains all but the ambiguous fall-back hour.
  await page.getByTestId('rule-left').locator('select').selectOption('perRow');
  await expect(page.getByTestId('delta-line')).toContainText(`explains ${(without - before).toLocaleString('en-US')} of ${without.toLocaleString('en-US')} ORDER_TS mismatches`);
  await expect(orderTs).toHaveText(before.toLocaleString('en-US'));
  // Back at the recorded run's contract, its counts are evidence again: no what-if, the pack may be made.
  await expect(page.getByTestId('sign-off-what-if')).toHaveCount(0);
  await expect(page.getByTestId('export-pack')).toBeEnabled();
  await shot(page, '3-results-delta', info);

  // A cent of tolerance on AMOUNT: the rounding differences move from mismatched to within tolerance.
  const amountMismatched = num(await page.getByTestId('mismatched-AMOUNT').textContent());
  expect(amountMismatched).toBeGreaterThan(0);
  await page.getByTestId('tolerance-AMOUNT').getByRole('button', { name: 'Cents' }).click();
  await expect(page.getByTestId('within-AMOUNT')).toHaveText(amountMismatched.toLocaleString('en-US'));
  await expect(page.getByTestId('mismatched-AMOUNT')).toHaveText('0');
  await page.getByTestId('tolerance-AMOUNT').getByRole('button', { name: 'Exact' }).click();
  await expect(page.getByTestId('mismatched-AMOUNT')).toHaveText(amountMismatched.toLocaleString('en-US'));
  // A tolerance typed with a comma is one sentence beside it, and changes nothing.
  const absolute = page.getByLabel('Absolute tolerance of AMOUNT');
  await absolute.fill('0,01');
  await absolute.press('Enter');
  await expect(page.getByTestId('tolerance-error-AMOUNT')).toHaveText('"0,01" is not a number: use a dot, as in 0.01. Nothing changed.');
  await expect(page.getByTestId('mismatched-AMOUNT')).toHaveText(amountMismatched.toLocaleString('en-US'));
  await absolute.fill('');
  await expect(page.getByTestId('tolerance-error-AMOUNT')).toHaveCount(0);

  // Drill-down: region → product → month → exception rows. While the analyst reads the results, the
  // drill-down is drawn behind them, out of sight and out of the keyboard's way.
  await expect(page.getByTestId('page-drill')).toBeAttached();
  await expect(page.getByTestId('page-drill')).toBeHidden();
  await expect(page.getByTestId('match-rate')).toBeVisible();
  await page.getByTestId('nav-drill').click();
  const level = page.getByTestId('drill-level');
  await expect(level).toHaveAttribute('data-dimension', 'REGION');
  await expect(page.getByTestId('heatmap')).toBeVisible();
  await expect(page.getByTestId('group-grid').locator('.ag-row').first()).toBeVisible();
  await shot(page, '4-drill-regions', info);
  // The first column (named for the level) sorts like any other: ascending, descending, back as listed.
  const firstHeader = page.getByTestId('group-grid').locator('.ag-header-cell[col-id="value"]');
  const firstGroups = async () => Promise.all([0, 1, 2].map((i) => page.getByTestId('group-grid').locator(`.ag-row[row-index="${i}"] [col-id="value"]`).textContent()));
  const listed = await firstGroups();
  await firstHeader.locator('.ag-header-cell-label').click();
  await expect(firstHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(firstGroups).toEqual([...listed].sort());
  await firstHeader.locator('.ag-header-cell-label').click();
  await firstHeader.locator('.ag-header-cell-label').click();
  await expect(firstHeader).toHaveAttribute('aria-sort', 'none');
  await expect.poll(firstGroups).toEqual(listed);
  await page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').click();
  await expect(level).toHaveAttribute('data-dimension', 'PRODUCT');
  await expect(page.getByTestId('breadcrumb')).toContainText('REGION:');
  // The first column is named for the level, and a selection copies as TSV under the same names.
  const groupHeader = page.getByTestId('group-grid').locator('.ag-header-cell[col-id="value"]');
  await expect(groupHeader).toHaveText('PRODUCT');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('group-grid').locator('.ag-row[row-index="1"] [col-id="leftRows"]').click({ modifiers: ['Control'] });
  await page.getByTestId('group-grid').locator('.ag-row[row-index="2"] [col-id="leftRows"]').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  // The page writes the clipboard asynchronously: read it once the copy has landed.
  const clipboard = async () => (await page.evaluate('navigator.clipboard.readText()')) as string;
  await expect.poll(clipboard).toContain('\t');
  const tsv = await clipboard();
  const [head, ...copied] = tsv.split('\n');
  expect(head.split('\t').slice(0, 4)).toEqual(['PRODUCT', 'Unexplained', 'Legacy rows', 'New rows']);
  expect(copied).toHaveLength(2);
  const secondRow = await page.getByTestId('group-grid').locator('.ag-row[row-index="1"] [col-id="value"]').textContent();
  expect(copied[0].split('\t')[0]).toBe(secondRow);
  await page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').click();
  await expect(level).toHaveAttribute('data-dimension', 'month');
  await expect(groupHeader).toHaveText('month');
  await shot(page, '4-drill-months', info);
  // Enter drills in, as a keyboard user would, and the keyboard moves on to the rows: Enter opens the first.
  await page.getByTestId('group-grid').locator('.ag-row[row-index="0"] [col-id="value"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exception-rows')).toBeVisible();
  const rows = page.getByTestId('exception-grid').locator('.ag-row[row-index]');
  await expect(rows.first().locator('[col-id="class"]')).toHaveText(/\w/);
  await expect(page.getByTestId('exception-grid').locator('.ag-row[row-index="0"] .ag-cell-focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('row-detail')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('row-detail')).toBeHidden();
  // The picture shows the list settled: its explanation counts come once its first rows are in.
  await expect(page.getByTestId('exception-rows').getByTestId('explanation-bar')).toBeVisible();
  await shot(page, '4-drill-rows', info);
  // Rows within tolerance are no exceptions: the list says so instead of counting them as unexplained.
  await page.getByTestId('exception-rows').getByRole('button', { name: 'Within tolerance' }).click();
  await expect(page.getByTestId('within-note')).toBeVisible();
  await expect(page.getByTestId('exception-rows').getByTestId('explanation-bar')).toHaveCount(0);

  // Row detail: both rows side by side, the differing cells marked, zones shown for timestamps.
  await page.getByTestId('exception-rows').getByRole('button', { name: 'Mismatch' }).click();
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  const detail = page.getByTestId('row-detail');
  await expect(detail).toBeVisible();
  await expect(detail.locator('tr.cell-differs').first()).toBeVisible();
  await expect(page.getByTestId('detail-ORDER_TS')).toContainText('legacy read in');
  await shot(page, '5-row-detail', info);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  // At rest, the workbench draws nothing: the level kept under the rows is no grid that redraws itself
  // on every frame (one without layout did, taking a tenth of a core from the engine's pages).
  // (Passed as text: the tests are typed for Node, without the page's globals.)
  const framesAtRest = () =>
    page.evaluate(`new Promise((resolve) => {
      const own = window.requestAnimationFrame;
      let asked = 0;
      window.requestAnimationFrame = (callback) => {
        asked++;
        return own.call(window, callback);
      };
      setTimeout(() => {
        window.requestAnimationFrame = own;
        resolve(asked);
      }, 1000);
    })`);
  await expect.poll(framesAtRest, { timeout: 15_000 }).toBe(0);

  // Backspace goes up a level.
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');
  // The workspace remembers where the analyst was, even when the window closes the moment after a step.
  const path = await page.getByTestId('breadcrumb').textContent();
  await page.reload();
  await expect(level).toHaveAttribute('data-dimension', 'month', { timeout: 60_000 });
  await expect(page.getByTestId('breadcrumb')).toHaveText(path ?? '');

  // While the analyst reads a level, the level's own exception list is drawn out of sight from its first
  // rows asked ahead: "Exception rows here" only has to show it.
  const held = page.locator('[data-testid=exception-rows][hidden] [data-testid=exception-grid] .ag-row[row-index="0"] [col-id="class"]');
  const showHeld = async () => {
    await expect(held).toHaveText(/\w/, { timeout: 10_000 });
    await page.getByTestId('show-rows').click();
    await expect(rows.first().locator('[col-id="class"]')).toHaveText(/\w/);
    await expect(page.getByTestId('exception-total')).toHaveText(/ rows$/);
  };
  await showHeld();
  const orderId = page.getByTestId('exception-grid').getByRole('columnheader', { name: 'ORDER_ID', exact: true });
  await orderId.click();
  await expect(orderId).toHaveAttribute('aria-sort', 'ascending');
  // Sorted in DuckDB, over every row of the list: the rows in view take the new order in place.
  const firstIds = async () => Promise.all([0, 1, 2, 3].map(async (i) => num(await page.getByTestId('exception-grid').locator(`.ag-row[row-index="${i}"] [col-id="ORDER_ID"]`).textContent())));
  await expect.poll(firstIds).toEqual([...(await firstIds())].sort((a, b) => a - b));
  const lowest = (await firstIds())[0];
  // Enter on a header sorts as a click does; Shift+click adds a column, and each sorted header shows its place.
  await orderId.focus();
  await page.keyboard.press('Enter');
  await expect(orderId).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await firstIds())[0]).toBeGreaterThan(lowest);
  await expect.poll(firstIds).toEqual([...(await firstIds())].sort((a, b) => b - a));
  const classHeader = page.getByTestId('exception-grid').getByRole('columnheader', { name: 'class', exact: true });
  await classHeader.click({ modifiers: ['Shift'] });
  await expect(classHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(orderId).toHaveAttribute('aria-sort', 'descending');
  await expect(orderId.locator('.ag-sort-order')).toHaveText('1');
  await expect(classHeader.locator('.ag-sort-order')).toHaveText('2');
  await shot(page, 'sorted-headers', info);
  // Held again once out of sight, the list starts afresh: at its top, unsorted.
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');
  await showHeld();
  await expect(orderId).toHaveAttribute('aria-sort', 'none');
  await expect(classHeader).toHaveAttribute('aria-sort', 'none');
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');

  // The rows' grid is built once and kept: each list opens at its top, unsorted, with only its own rows.
  const month = (i: number) => page.getByTestId('group-grid').locator(`.ag-row[row-index="${i}"]`);
  const openMonth = async (i: number) => {
    // The exception counts are the level's last columns: scrolled into view, they are drawn.
    await page.getByTestId('group-grid').locator('.ag-body-horizontal-scroll-viewport').evaluate((e) => (e.scrollLeft = e.scrollWidth));
    const total = await month(i).locator('[col-id="xTotal"]').textContent({ timeout: 10_000 });
    await month(i).locator('[col-id="value"]').click();
    // Once the grid has drawn its first rows, the count is the one its own page brought.
    await expect(rows.first().locator('[col-id="class"]')).toHaveText(/\w/);
    await expect(page.getByTestId('exception-total')).toHaveText(`${total} rows`);
  };
  await openMonth(1);
  await orderId.click();
  await expect(orderId).toHaveAttribute('aria-sort', 'ascending');
  await page.getByTestId('exception-rows').getByRole('button', { name: 'Mismatch' }).click();
  await expect(orderId).toHaveAttribute('aria-sort', 'none');
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');
  // Read for a moment, as an analyst does: the groups' first rows are asked meanwhile, and the list opened next starts from them.
  await page.waitForTimeout(2_000);
  await openMonth(0);
  await expect(page.getByTestId('exception-rows').getByRole('button', { name: 'All exceptions' })).toHaveClass(/\bon\b/);
  await page.locator('body').press('Backspace');
  await expect(level).toHaveAttribute('data-dimension', 'month');

  // Sources and contract screens.
  await page.getByTestId('nav-sources').click();
  await expect(page.getByTestId('summary-tiles')).toBeVisible();
  await shot(page, '1-sources', info);
  await page.getByTestId('tab-keys').click();
  for (const grid of ['keys-duplicate-left', 'keys-duplicate-right', 'keys-null-left']) {
    await expect(page.getByTestId(grid).locator('.ag-row[row-index="0"] .ag-cell').nth(1)).toHaveText(/\w/);
  }
  await shot(page, '1-sources-keys', info);
  await page.getByTestId('tab-data').click();
  await page.getByTestId('data-grid-left').getByRole('textbox', { name: 'REGION Filter Input' }).fill('apac');
  await expect(page.getByTestId('data-total')).toHaveText(/ of /);
  await shot(page, '1-sources-data', info);
  await page.getByTestId('tab-schema').click();
  await page.getByTestId('nav-contract').click();
  await expect(page.getByTestId('contract-columns')).toBeVisible();
  await shot(page, '2-contract', info);

  // A long run can be cancelled; the results stay as they were.
  await page.getByTestId('nav-results').click();
  const rate = await page.getByTestId('match-rate').textContent();
  await page.getByTestId('run').click();
  await expect(page.getByTestId('jobs')).toBeVisible();
  await shot(page, '3-results-running', info);
  await page.getByTestId('jobs').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('jobs')).toBeHidden();
  await expect(page.getByTestId('error')).toBeHidden();
  await expect(page.getByTestId('match-rate')).toHaveText(rate ?? '');

  // Dark theme, for the screenshots.
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await shot(page, '6-results-dark', info);
  // The charts take the dark theme's colours too.
  await page.getByTestId('nav-drill').click();
  await page.getByTestId('breadcrumb').getByRole('button', { name: 'All' }).click();
  await expect(page.locator('[data-testid=drill-level]:not([hidden])')).toHaveAttribute('data-dimension', 'REGION');
  await expect(page.getByTestId('heatmap')).toBeVisible();
  await shot(page, '6-drill-dark', info);
  await page.getByTestId('theme-toggle').click();
});
