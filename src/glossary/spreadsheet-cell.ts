// A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`, `+1+cmd|…`), also in a
// CSV file. An apostrophe before it makes the cell text, and so does one before a cell that already starts with
// apostrophes and then one of these, so that reading strips exactly one apostrophe back.
const formulaStart = /^'*[=+\-@\t\r]/;
const guardedStart = /^'+[=+\-@\t\r]/;

/** A cell's text as written to CSV: a leading apostrophe keeps spreadsheets from running it as a formula. */
export function toSpreadsheetCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell read from CSV, without the apostrophe `toSpreadsheetCell` put before it. */
export function fromSpreadsheetCell(cell: string): string {
  return guardedStart.test(cell) ? cell.slice(1) : cell;
}
