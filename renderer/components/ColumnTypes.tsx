/** The column types the import will use: DuckDB's detection, Parity's exact proposal, the analyst's choice. */
import type { CsvOptions, DetectedColumn } from '../../shared/types';

const TYPES = ['VARCHAR', 'BIGINT', 'INTEGER', 'DECIMAL(18,2)', 'DECIMAL(18,4)', 'DECIMAL(38,10)', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'TIMESTAMPTZ', 'TIME'];

export function ColumnTypes({ detected, options, onChange }: { detected: DetectedColumn[]; options: CsvOptions; onChange: (o: CsvOptions) => void }) {
  const setType = (name: string, type: string) =>
    onChange({ ...options, columns: options.columns.map((c) => (c.name === name ? { ...c, type } : c)) });
  return (
    <div className="table-wrap">
      <table className="types" data-testid="column-types">
        <thead>
          <tr>
            <th>Column</th>
            <th>Detected</th>
            <th>Import as</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {options.columns.map((c) => {
            const d = detected.find((x) => x.name === c.name);
            return (
              <tr key={c.name}>
                <td className="colname">{c.name}</td>
                <td className="muted">{d?.detectedType ?? '—'}</td>
                <td>
                  <input list="parity-types" value={c.type} aria-label={`Type of ${c.name}`} onChange={(e) => setType(c.name, e.target.value.toUpperCase())} />
                </td>
                <td className="small">{d?.note ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="parity-types">
        {TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </div>
  );
}
