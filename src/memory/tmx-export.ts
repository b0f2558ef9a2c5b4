import packageJson from '../../package.json' with { type: 'json' };
import type { MemoryEntry } from './memory-entry.ts';
import { tmxProps } from './tmx-props.ts';
import { taggedToTmx } from './tmx-inline.ts';
import type { EntryFilter, MemoryStore } from './memory-store.ts';
import { escapeXml } from '../xml/xml-node.ts';

/**
 * The memory (or one pair of it) as a TMX 1.4b document: one `<tu>` per entry, keyed by `tuid`, with the
 * entry's origin, status, engine profile, glossary version and article as `x-jialing-*` props.
 */
export async function exportTmx(memory: MemoryStore, filter: EntryFilter = {}): Promise<string> {
  const entries: MemoryEntry[] = [];
  for await (const entry of memory.entries(filter)) entries.push(entry);
  const sourceLanguages = new Set(entries.map((entry) => entry.sourceLanguage.toLowerCase()));
  const sourceLanguage = filter.sourceLanguage ?? (sourceLanguages.size === 1 ? entries[0]!.sourceLanguage : '*all*');
  const header = attributes({
    creationtool: 'jialing',
    creationtoolversion: packageJson.version,
    segtype: 'block',
    'o-tmf': 'jialing',
    adminlang: 'en',
    srclang: sourceLanguage,
    datatype: 'plaintext',
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header ${header}/>`,
    '  <body>',
    ...entries.map(translationUnit),
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

function translationUnit(entry: MemoryEntry): string {
  const unit = attributes({ tuid: entry.key, srclang: entry.sourceLanguage, creationdate: tmxDate(entry.createdAt), changedate: tmxDate(entry.updatedAt) });
  const props = Object.entries(tmxProps).flatMap(([field, type]) => {
    const value = entry[field as keyof typeof tmxProps];
    return value === null ? [] : [`      <prop type="${type}">${escapeXml(value)}</prop>`];
  });
  return [
    `    <tu ${unit}>`,
    ...props,
    `      <tuv xml:lang="${escapeXml(entry.sourceLanguage)}"><seg>${taggedToTmx(entry.sourceText)}</seg></tuv>`,
    `      <tuv xml:lang="${escapeXml(entry.targetLanguage)}"><seg>${taggedToTmx(entry.targetText)}</seg></tuv>`,
    '    </tu>',
  ].join('\n');
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(value)}"`)
    .join(' ');
}

/** TMX dates are ISO 8601 basic format in UTC: `20240131T094500Z`. */
function tmxDate(isoDate: string): string {
  return new Date(isoDate).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
