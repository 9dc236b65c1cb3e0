// Prints one titled table; numbers are formatted by the caller so columns read as measured.
export function printTable(title: string, rows: Record<string, string | number>[], note?: string): void {
  console.log(`\n${title}`);
  console.table(rows);
  if (note) console.log(note);
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
