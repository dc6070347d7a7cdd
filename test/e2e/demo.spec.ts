import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './workbench';

test('a newcomer opens the workbench on the demo workspace and sees its technical parity', async ({ page, workbench }, info) => {
  await page.goto(workbench.url);
  await expect(page.getByTestId('workspace-name')).toContainText('Demo — Orders');
  // First start generates ~1M orders per side, imports and compares them; it then opens on the results.
  await expect(page.getByTestId('level-cards')).toBeVisible({ timeout: 180_000 });
  await page.getByTestId('nav-sources').click();
  await expect(page.getByTestId('summary-tiles')).toBeVisible();

  const manifest = JSON.parse(fs.readFileSync(path.join(workbench.home, 'demo-data/manifest.json'), 'utf8'));
  const n = (x: number) => x.toLocaleString('en-US');
  await expect(page.getByTestId('rows-left')).toHaveText(n(manifest.counts.legacyRows));
  await expect(page.getByTestId('rows-right')).toHaveText(n(manifest.counts.newRows));
  await expect(page.getByTestId('dup-left')).toHaveText(n(manifest.counts.duplicateRowsLegacy));
  await expect(page.getByTestId('dup-right')).toHaveText(n(manifest.counts.duplicateRowsNew));
  await expect(page.getByTestId('null-left')).toHaveText('3');
  await expect(page.getByTestId('type-change-QTY')).toHaveText('INTEGER');
  await expect(page.getByTestId('type-change-ORDER_TS')).toHaveText('TIMESTAMPTZ');
  await expect(page.getByTestId('tile-schema')).toContainText('1 only in legacy: SALES_REP');
  // The address bar no longer shows the launch token.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: info.outputPath('demo-workbench.png') });

  // Keys tab: the repeated order ids, listed from DuckDB.
  await page.getByTestId('tab-keys').click();
  const dupGrid = page.getByTestId('keys-duplicate-left');
  await expect(dupGrid.locator('.ag-row').first()).toBeVisible();
  await expect(page.getByTestId('keys-duplicate-left-count')).toHaveText(n(manifest.counts.duplicateKeysLegacy));
  await expect(dupGrid.locator('.ag-row[row-index="0"] [col-id="rows"]')).toHaveText('2');

  // Data tab: sorting happens in DuckDB over all rows.
  await page.getByTestId('tab-data').click();
  const grid = page.getByTestId('data-grid-left');
  // The unsorted first page is in (the grid draws its rows empty while it loads).
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="AMOUNT"]')).toHaveText(/\d/);
  const unsortedFirst = (await grid.locator('.ag-row[row-index="0"] [col-id="AMOUNT"]').textContent())!;
  // Each sort's first page is asked once, as the header is clicked (the order it will give is worked out
  // then), and the grid's own request takes that page rather than asking again.
  const pagesAsked = () => page.evaluate(() => performance.getEntriesByName('api sources.page').map((m) => m.startTime));
  // The end of each click's handling: a listener on the window, in the bubble phase, runs last.
  await grid.evaluate((frame) => {
    const view = frame.ownerDocument.defaultView!;
    view.addEventListener('click', () => ((view as unknown as { clickDone: number }).clickDone = view.performance.now()));
  });
  // A page is measured when it comes back: the requests of a sort are those started since its click.
  const sortBy = async (first: string) => {
    const before = await page.evaluate(() => performance.now());
    await grid.getByRole('columnheader', { name: 'AMOUNT', exact: true }).click();
    await expect(grid.locator('.ag-row[row-index="0"] [col-id="AMOUNT"]')).toHaveText(first);
    const asked = (await pagesAsked()).filter((start) => start >= before);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeLessThan(await grid.evaluate((frame) => (frame.ownerDocument.defaultView as unknown as { clickDone: number }).clickDone));
  };
  await sortBy('-376.50');
  await sortBy('50,000.00');
  // A jump deep into the list: the rows in view straddle two blocks (fetched as the scroll happens) and
  // continue the order without a gap, each block in its place. The grid draws them once, with their data:
  // never first as empty rows to be replaced (see scroll-hold.ts).
  await grid.evaluate((frame) => {
    const view = frame.ownerDocument.defaultView!;
    const drawnEmpty: number[] = [];
    const drawnAtTop: [number, string][] = [];
    Object.assign(view, { drawnEmpty, drawnAtTop });
    new view.MutationObserver((records: { addedNodes: ArrayLike<typeof frame> }[]) => {
      for (const r of records)
        for (const node of Array.from(r.addedNodes)) {
          const row = node.nodeType === 1 && node.matches('.ag-row') ? node : null;
          const index = Number(row?.getAttribute('row-index'));
          if (row && index >= 900 && !row.querySelector('[col-id="AMOUNT"]')?.textContent) drawnEmpty.push(index);
          if (row && index < 900) drawnAtTop.push([index, row.querySelector('[col-id="AMOUNT"]')?.textContent ?? '']);
        }
    }).observe(frame, { childList: true, subtree: true });
  });
  await grid.evaluate((frame) => {
    const style = (e: typeof frame) => frame.ownerDocument.defaultView!.getComputedStyle(e);
    const scroller = [...frame.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 100 && /auto|scroll/.test(style(e).overflowY));
    scroller!.scrollTop = 990 * (frame.querySelector('.ag-row')?.getBoundingClientRect().height ?? 28);
  });
  const amountAt = (i: number) => grid.locator(`.ag-row[row-index="${i}"] [col-id="AMOUNT"]`);
  await expect(amountAt(1002)).toHaveText(/\d/);
  const amounts: number[] = [];
  for (let i = 994; i <= 1004; i++) amounts.push(Number((await amountAt(i).textContent())!.replace(/,/g, '')));
  expect(amounts.every((a, i) => Number.isFinite(a) && (i === 0 || a <= amounts[i - 1]))).toBe(true);
  expect(amounts[0]).toBeLessThanOrEqual(50_000);
  expect(await grid.evaluate((frame) => (frame.ownerDocument.defaultView as unknown as { drawnEmpty: number[] }).drawnEmpty)).toEqual([]);
  // A sort from down there (AMOUNT descending → unsorted) starts the list again at the top with one page
  // of the new order: the blocks held further down are dropped, not fetched again in that order, and the
  // top never shows the old order's rows under the new header, even for a moment.
  const beforeDeepSort = await page.evaluate(() => performance.now());
  await grid.getByRole('columnheader', { name: 'AMOUNT', exact: true }).click();
  await expect(amountAt(0)).toHaveText(unsortedFirst);
  expect((await pagesAsked()).filter((start) => start >= beforeDeepSort)).toHaveLength(1);
  const drawnAtTop = await grid.evaluate((frame) => (frame.ownerDocument.defaultView as unknown as { drawnAtTop: [number, string][] }).drawnAtTop);
  expect(drawnAtTop.length).toBeGreaterThan(0);
  for (const [index, amount] of drawnAtTop) if (amount) expect(amount, `row ${index} drawn as`).toBe(await amountAt(index).textContent());
  await page.screenshot({ path: info.outputPath('demo-data.png') });
});
