import { execFileSync } from 'node:child_process';
import { expect, test } from './workbench';

test.use({ workbenchOptions: { workspace: 'crash.parity' } });

test('a crashed engine leaves the window up, says so, and restarts on request', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(page.locator('.engine-state')).toContainText('engine ready');
  const enginePid = Number(execFileSync('pgrep', ['-P', String(workbench.server.pid)]).toString().trim().split('\n')[0]);
  process.kill(enginePid, 'SIGKILL');
  const banner = page.getByTestId('engine-crashed');
  await expect(banner).toContainText('The engine stopped.');
  await banner.getByRole('button', { name: 'Restart engine' }).click();
  await expect(banner).toBeHidden();
  await expect(page.locator('.engine-state')).toContainText('engine ready');
  await expect(page.getByTestId('workspace-name')).toHaveText('crash');
});
