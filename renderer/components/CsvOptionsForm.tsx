/** The detected CSV dialect, every field overridable before import. */
import type { CsvEncoding, CsvOptions } from '../../shared/types';

const DELIMITERS: [string, string][] = [
  [',', 'Comma ,'],
  [';', 'Semicolon ;'],
  ['\t', 'Tab'],
  ['|', 'Pipe |'],
];

export function CsvOptionsForm({ options, onChange }: { options: CsvOptions; onChange: (o: CsvOptions) => void }) {
  const set = <K extends keyof CsvOptions>(k: K, v: CsvOptions[K]) => onChange({ ...options, [k]: v });
  const known = DELIMITERS.some(([d]) => d === options.delimiter);
  return (
    <div className="form-grid" data-testid="csv-options">
      <label>
        Delimiter
        <select value={known ? options.delimiter : 'other'} onChange={(e) => set('delimiter', e.target.value === 'other' ? '' : e.target.value)}>
          {DELIMITERS.map(([d, name]) => (
            <option key={name} value={d}>
              {name}
            </option>
          ))}
          <option value="other">Other…</option>
        </select>
        {!known && <input value={options.delimiter} maxLength={4} onChange={(e) => set('delimiter', e.target.value)} aria-label="Other delimiter" />}
      </label>
      <label>
        Quote
        <input value={options.quote} maxLength={1} placeholder="none" onChange={(e) => set('quote', e.target.value)} />
      </label>
      <label>
        Escape
        <input value={options.escape} maxLength={1} placeholder="none" onChange={(e) => set('escape', e.target.value)} />
      </label>
      <label className="check">
        <input type="checkbox" checked={options.header} onChange={(e) => set('header', e.target.checked)} />
        First line is a header
      </label>
      <label>
        Skip lines
        <input type="number" min={0} value={options.skip} onChange={(e) => set('skip', Math.max(0, Number(e.target.value) || 0))} />
      </label>
      <label>
        Decimal separator
        <select value={options.decimalSeparator} onChange={(e) => set('decimalSeparator', e.target.value as '.' | ',')}>
          <option value=".">Point 1.50</option>
          <option value=",">Comma 1,50</option>
        </select>
      </label>
      <label>
        Encoding
        <select value={options.encoding} onChange={(e) => set('encoding', e.target.value as CsvEncoding)}>
          <option value="utf-8">UTF-8</option>
          <option value="utf-16">UTF-16</option>
          <option value="latin-1">Latin-1</option>
        </select>
      </label>
      <label>
        Date format
        <input value={options.dateFormat ?? ''} placeholder="detected (e.g. %d/%m/%Y)" onChange={(e) => set('dateFormat', e.target.value || null)} />
      </label>
      <label>
        Timestamp format
        <input value={options.timestampFormat ?? ''} placeholder="detected (e.g. %Y-%m-%d %H:%M:%S)" onChange={(e) => set('timestampFormat', e.target.value || null)} />
      </label>
      <label>
        Null text
        <input value={options.nullString ?? ''} placeholder="empty field" onChange={(e) => set('nullString', e.target.value || null)} />
      </label>
    </div>
  );
}
