/** Every list can leave the page: as CSV and as JSON, the rows as shown. */
import { download, toCsv, toJson, type Row } from '../lib/export';

export function Downloads({ rows, name }: { rows: readonly Row[]; name: string }) {
  return (
    <span className="downloads">
      <button
        type="button"
        disabled={rows.length === 0}
        onClick={() => {
          download(`${name}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
        }}
      >
        CSV<span className="visually-hidden"> of {name}</span>
      </button>
      <button
        type="button"
        disabled={rows.length === 0}
        onClick={() => {
          download(`${name}.json`, toJson(rows), 'application/json');
        }}
      >
        JSON<span className="visually-hidden"> of {name}</span>
      </button>
    </span>
  );
}
