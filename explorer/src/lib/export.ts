/** Lists as files: CSV (RFC 4180) and JSON, downloaded through a Blob URL. */

export type Row = Record<string, string | number | boolean | null | undefined>;

function csvField(value: Row[string]): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.map(csvField).join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export function toJson(rows: readonly Row[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

export function download(filename: string, contents: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click starts the download synchronously; the URL can go once the event loop turns.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
