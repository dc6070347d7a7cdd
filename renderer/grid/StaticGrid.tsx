/** A small, fully loaded grid: previews and lists the engine already computed. */
import { useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { decodePage } from '../../shared/arrow-cells';
import { columnDef, type Row } from './cells';
import { gridTheme } from './theme';

export function ArrowPreview({ arrow, testId }: { arrow: Uint8Array; testId?: string }) {
  const page = useMemo(() => decodePage(arrow), [arrow]);
  const defs = useMemo<ColDef<Row>[]>(() => page.columns.map((c, i) => columnDef(c.name, c.type, i, true)), [page]);
  return (
    <div className="grid-frame grid-preview" data-testid={testId}>
      <AgGridReact<Row> theme={gridTheme} rowData={page.rows} columnDefs={defs} defaultColDef={{ flex: 1 }} />
    </div>
  );
}
