/** A small, fully loaded grid: previews and lists the engine already computed. */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef } from 'ag-grid-community';
import { decodePage } from '../../shared/arrow-cells';
import { useWorkbench } from '../store/workbench';
import { columnDef, type Row } from './cells';
import { copyOnCtrlC } from './copy-tsv';
import { gridTheme } from './theme';
import { FLEX_COLUMNS } from './grid-options';

export function ArrowPreview({ arrow, testId }: { arrow: Uint8Array; testId?: string }) {
  const theme = useWorkbench((s) => s.view.theme);
  const page = useMemo(() => decodePage(arrow), [arrow]);
  const defs = useMemo<ColDef<Row>[]>(() => page.columns.map((c, i) => columnDef(c.name, c.type, i, true)), [page]);
  return (
    <div className="grid-frame grid-preview" data-testid={testId}>
      <AgGridReact<Row>
        theme={gridTheme(theme)}
        rowData={page.rows}
        columnDefs={defs}
        defaultColDef={FLEX_COLUMNS}
        onCellKeyDown={(e: CellKeyDownEvent<Row>) => void copyOnCtrlC(e)}
      />
    </div>
  );
}
