import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule', () => {
  it('fails the renderer importing a Node module', async () => {
    expect(await restricted('renderer/components/Bad.tsx', "import fs from 'node:fs';\nexport const x = fs;\n")).not.toEqual([]);
    expect(await restricted('renderer/components/Bad.tsx', "import { join } from 'path';\nexport const x = join;\n")).not.toEqual([]);
  });

  it('fails the renderer importing anything under electron/ or the electron package', async () => {
    expect(await restricted('renderer/components/Bad.tsx', "import { EngineService } from '../../electron/engine/service';\nexport const x = EngineService;\n")).not.toEqual([]);
    expect(await restricted('renderer/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).not.toEqual([]);
    expect(await restricted('renderer/Bad.tsx', "import { DuckDBInstance } from '@duckdb/node-api';\nexport const x = DuckDBInstance;\n")).not.toEqual([]);
  });

  it('fails the engine importing electron', async () => {
    expect(await restricted('electron/engine/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await restricted('electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
  });

  it('fails shared code reaching either side', async () => {
    expect(await restricted('shared/bad.ts', "import fs from 'fs';\nexport const x = fs;\n")).not.toEqual([]);
    expect(await restricted('shared/bad.ts', "import { App } from '../renderer/App';\nexport const x = App;\n")).not.toEqual([]);
  });

  it('lets each layer import what it may', async () => {
    expect(await restricted('renderer/Good.tsx', "import { api } from '../shared/api';\nexport const x = api;\n")).toEqual([]);
    expect(await restricted('electron/engine/good.ts', "import fs from 'node:fs';\nimport { DuckDBInstance } from '@duckdb/node-api';\nexport const x = [fs, DuckDBInstance];\n")).toEqual([]);
    expect(await restricted('electron/main/good.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
