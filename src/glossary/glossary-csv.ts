import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Place } from '../errors.ts';
import { checkImportedGlossary } from './check-imported-glossary.ts';
import type { GlossaryData, GlossaryEntryObject } from './glossary-data.ts';
import { GlossaryError } from './glossary-error.ts';
import type { Glossary } from './glossary.ts';
import { isLanguageCode } from './is-language-code.ts';
import { fromSpreadsheetCell, toSpreadsheetCell } from './spreadsheet-cell.ts';

const metadataColumns = ['variants', 'caseSensitive', 'note'] as const;
const booleans: Record<string, boolean> = { true: true, yes: true, 1: true, false: false, no: false, 0: false, '': false };

/** Writes a glossary as CSV: `id`, the source language, each target language, `variants` (`|` separated), `caseSensitive`, `note`. */
export function glossaryToCsv(glossary: Glossary, languages: readonly string[]): string {
  const targets = languages.filter((language) => language !== glossary.sourceLanguage);
  const rows = glossary.terms.map((term) => [
    term.id,
    term.source,
    ...targets.map((language) => glossary.ownForm(term.id, language)?.term ?? ''),
    term.variants.join(' | '),
    String(term.caseSensitive),
    term.note ?? '',
  ].map(toSpreadsheetCell));
  return stringify([['id', glossary.sourceLanguage, ...targets, ...metadataColumns], ...rows]);
}

/**
 * Reads a glossary CSV into glossary data. An empty target cell leaves that language's entry as it
 * is; a metadata column that is present sets the field, empty or not. Throws `GlossaryError` naming the line.
 */
export function csvToGlossary(content: string, sourceLanguage: string, file = 'glossary.csv'): GlossaryData {
  const problem = (line: number | undefined, message: string, hint?: string) => new GlossaryError([{ place: { file, line }, message, hint }]);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // The types of csv-parse do not follow `info: true`, which wraps each record with its line count.
    records = parse(content, { bom: true, skip_empty_lines: true, trim: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as typeof records;
  } catch (error) {
    throw problem((error as { lines?: number }).lines, `not a valid CSV file: ${(error as Error).message}`, 'Save the sheet as CSV (UTF-8, comma separated) and try again.');
  }
  const [header, ...rows] = records;
  if (!header) throw problem(undefined, 'the file is empty', 'Export the glossary to see the expected columns.');
  const columns = readHeader(header.record, sourceLanguage, (message, hint) => problem(1, message, hint));

  const entries = new Map<string, { line: number; record: string[] }>();
  const resources = new Map<string, Map<string, GlossaryEntryObject>>(columns.languages.map(({ language }) => [language, new Map()]));
  for (const { record: written, info } of rows) {
    const record = written.map(fromSpreadsheetCell);
    // csv-parse counts to the end of a record; a quoted line break inside it moves the start back.
    const line = info.lines - written.join('').split(/\r\n|\r|\n/).length + 1;
    const id = record[columns.id] ?? '';
    const source = record[columns.source] ?? '';
    if (id === '') throw problem(line, 'this row has no id', 'Give every row a term id, such as "liangjiang".');
    if (source === '') throw problem(line, `"${id}" has no ${sourceLanguage} term`, `Fill in the ${sourceLanguage} column.`);
    const earlier = entries.get(id);
    if (earlier) {
      if (earlier.record.join('\u0000') === record.join('\u0000')) continue;
      const earlierSource = earlier.record[columns.source];
      throw problem(
        line,
        earlierSource === source ? `"${id}" is listed again with different values (first on line ${earlier.line})` : `"${id}" has two ${sourceLanguage} terms: "${earlierSource}" (line ${earlier.line}) and "${source}"`,
        'Keep one row per term id.',
      );
    }
    entries.set(id, { line, record });
    for (const { language, index } of columns.languages) {
      const cell = record[index] ?? '';
      if (language === sourceLanguage) resources.get(language)!.set(id, readSourceEntry(cell, record, columns, (message) => problem(line, `"${id}": ${message}`)));
      else if (cell !== '') resources.get(language)!.set(id, { term: cell });
    }
  }

  const data: GlossaryData = {
    sourceLanguage,
    resources: Object.fromEntries([...resources].map(([language, resource]) => [language, Object.fromEntries(resource)])),
  };
  checkImportedGlossary(data, (id): Place => ({ file, line: id === undefined ? undefined : entries.get(id)?.line }));
  return data;
}

interface Columns {
  readonly id: number;
  readonly source: number;
  readonly languages: readonly { language: string; index: number }[];
  readonly metadata: Partial<Record<(typeof metadataColumns)[number], number>>;
}

function readHeader(header: readonly string[], sourceLanguage: string, fail: (message: string, hint?: string) => Error): Columns {
  const seen = new Set<string>();
  let id: number | undefined;
  const languages: { language: string; index: number }[] = [];
  const metadata: Columns['metadata'] = {};
  header.forEach((name, index) => {
    const folded = name.toLowerCase();
    if (seen.has(folded)) throw fail(`the column "${name}" appears twice`);
    seen.add(folded);
    const metadataColumn = metadataColumns.find((column) => column.toLowerCase() === folded);
    if (folded === 'id') id = index;
    else if (metadataColumn) metadata[metadataColumn] = index;
    else if (isLanguageCode(name)) languages.push({ language: folded === sourceLanguage.toLowerCase() ? sourceLanguage : name, index });
    else throw fail(`the column "${name}" is not a language code, nor id, ${metadataColumns.join(', ')}`, 'Name each column after a language (es, zh-TW) or a glossary field.');
  });
  if (id === undefined) throw fail('the header has no "id" column', `Start the header with: id,${sourceLanguage},…`);
  const source = languages.find(({ language }) => language === sourceLanguage);
  if (!source) throw fail(`the header has no "${sourceLanguage}" column for the source terms`, `Add a column named ${sourceLanguage}.`);
  return { id, source: source.index, languages, metadata };
}

function readSourceEntry(term: string, record: readonly string[], columns: Columns, fail: (message: string) => Error): GlossaryEntryObject {
  const cell = (column: (typeof metadataColumns)[number]) => (columns.metadata[column] === undefined ? undefined : (record[columns.metadata[column]] ?? ''));
  const variants = cell('variants');
  const caseSensitive = cell('caseSensitive');
  const note = cell('note');
  const isCaseSensitive = caseSensitive === undefined ? undefined : booleans[caseSensitive.toLowerCase()];
  if (caseSensitive !== undefined && isCaseSensitive === undefined) throw fail(`caseSensitive must be true or false, got "${caseSensitive}"`);
  return {
    term,
    ...(variants === undefined ? {} : { variants: variants.split('|').map((variant) => variant.trim()).filter((variant) => variant !== '') }),
    ...(isCaseSensitive === undefined ? {} : { caseSensitive: isCaseSensitive }),
    ...(note === undefined ? {} : { note }),
  };
}
