import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkImportedGlossary } from './check-imported-glossary.ts';
import type { GlossaryData, GlossaryEntryObject } from './glossary-data.ts';
import { GlossaryError } from './glossary-error.ts';
import type { Glossary } from './glossary.ts';
import { isLanguageCode } from './is-language-code.ts';

type XmlNode = Record<string | symbol, unknown>;

const listElements = new Set(['conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'termNote', 'note']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Terms such as "2022" or "true" stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  // Decodes numeric character references; named entities beyond XML's five cannot be declared, since a DOCTYPE is refused.
  htmlEntities: true,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => listElements.has(name),
});
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });

/** Writes a glossary as TBX-Basic: one `conceptEntry` per term, a `langSec` per language that has its own form. */
export function glossaryToTbx(glossary: Glossary, languages: readonly string[]): string {
  const targets = languages.filter((language) => language !== glossary.sourceLanguage);
  const conceptEntry = glossary.terms.map((term) => ({
    '@id': term.id,
    ...(term.note === undefined ? {} : { note: [term.note] }),
    langSec: [
      {
        '@xml:lang': glossary.sourceLanguage,
        termSec: [
          { term: term.source, termNote: [termNote('termType', 'fullForm'), ...(term.caseSensitive ? [termNote('x-caseSensitive', 'true')] : [])] },
          ...term.variants.map((variant) => ({ term: variant, termNote: [termNote('termType', 'variant')] })),
        ],
      },
      ...targets.flatMap((language) => {
        const form = glossary.ownForm(term.id, language);
        return form ? [{ '@xml:lang': language, termSec: [{ term: form.term, ...(form.note === undefined ? {} : { note: [form.note] }) }] }] : [];
      }),
    ],
  }));
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    tbx: {
      '@type': 'TBX-Basic',
      '@style': 'dca',
      '@xml:lang': glossary.sourceLanguage,
      '@xmlns': 'urn:iso:std:iso:30042:ed-2',
      tbxHeader: { fileDesc: { sourceDesc: { p: 'Glossary exported by jialing' } } },
      text: { body: { conceptEntry } },
    },
  });
}

function termNote(type: string, value: string) {
  return { '@type': type, '#text': value };
}

/**
 * Reads TBX (TBX-Basic `conceptEntry`/`langSec`/`termSec`, or TBX 2 `termEntry`/`langSet`/`tig`)
 * into glossary data. A DOCTYPE or ENTITY declaration is refused before parsing: entity expansion
 * ("billion laughs") and external entities have no place in a glossary.
 */
export function tbxToGlossary(content: string, sourceLanguage: string, file = 'glossary.tbx'): GlossaryData {
  const fail = (index: number | undefined, message: string, hint?: string) => new GlossaryError([{ place: { file, line: lineAt(content, index) }, message, hint }]);
  const declaration = /<!\s*(DOCTYPE|ENTITY)\b/i.exec(content);
  if (declaration) {
    throw fail(declaration.index, `the file has a <!${declaration[1]!.toUpperCase()}> declaration, which is refused: entity declarations can expand without limit or read other files`, 'Remove the <!DOCTYPE …> block; TBX needs no declarations.');
  }
  const validation = XMLValidator.validate(content);
  if (validation !== true) {
    throw new GlossaryError([{ place: { file, line: validation.err.line, column: validation.err.col }, message: `not well-formed XML: ${validation.err.msg}` }]);
  }
  const document = parser.parse(content) as XmlNode;
  const root = (document.tbx ?? document.martif) as XmlNode | undefined;
  if (!isNode(root)) throw fail(undefined, 'not a TBX file: expected a <tbx> (or <martif>) root element');
  const body = isNode(root.text) && isNode(root.text.body) ? root.text.body : {};
  const concepts = [...list(body.conceptEntry), ...list(body.termEntry)];

  const seen = new Map<string, { line?: number; position: number }>();
  const resources = new Map<string, Map<string, GlossaryEntryObject>>([[sourceLanguage, new Map()]]);
  concepts.forEach((concept, position) => {
    const start = (concept[XMLParser.getMetaDataSymbol() as symbol] as { startIndex?: number } | undefined)?.startIndex;
    const id = typeof concept['@id'] === 'string' ? concept['@id'].trim() : '';
    if (id === '') throw fail(start, `entry ${position + 1} has no id`, 'Give every <conceptEntry> an id="…" attribute: it becomes the term id.');
    const earlier = seen.get(id);
    if (earlier) throw fail(start, `"${id}" is defined twice (entries ${earlier.position + 1} and ${position + 1})`, 'Keep one entry per id.');
    seen.set(id, { line: lineAt(content, start), position });
    const entries = readConcept(concept, sourceLanguage, (message) => fail(start, `"${id}": ${message}`));
    if (!entries.has(sourceLanguage)) throw fail(start, `"${id}" has no ${sourceLanguage} term`, `Add a <langSec xml:lang="${sourceLanguage}"> with the source term.`);
    for (const [language, entry] of entries) {
      if (!resources.has(language)) resources.set(language, new Map());
      resources.get(language)!.set(id, entry);
    }
  });

  const data: GlossaryData = {
    sourceLanguage,
    resources: Object.fromEntries([...resources].map(([language, resource]) => [language, Object.fromEntries(resource)])),
  };
  checkImportedGlossary(data, (id) => ({ file, line: id === undefined ? undefined : seen.get(id)?.line }));
  return data;
}

/** The entries of one concept per language; an import states every field, so absent metadata clears it. */
function readConcept(concept: XmlNode, sourceLanguage: string, fail: (message: string) => Error): Map<string, GlossaryEntryObject> {
  const entries = new Map<string, GlossaryEntryObject>();
  for (const section of [...list(concept.langSec), ...list(concept.langSet)]) {
    const language = typeof section['@xml:lang'] === 'string' ? section['@xml:lang'] : '';
    if (!isLanguageCode(language)) throw fail(`xml:lang "${language}" is not a language code`);
    const isSource = language.toLowerCase() === sourceLanguage.toLowerCase();
    const terms = [...list(section.termSec), ...list(section.tig)].map((termSection) => {
      const term = text(termSection.term);
      if (term === undefined || term === '') throw fail(`a <term> in ${language} is empty or not plain text`);
      const notes = list(termSection.termNote);
      return { term, notes, note: firstText(termSection.note) };
    });
    const typeOf = (notes: readonly XmlNode[], type: string) => text(notes.find((note) => note['@type'] === type));
    const main = terms.find((term) => typeOf(term.notes, 'termType') !== 'variant') ?? terms[0];
    if (!main) throw fail(`the ${language} section has no <term>`);
    if (!isSource) {
      entries.set(language, { term: main.term, note: main.note ?? '' });
      continue;
    }
    const conceptNote = firstText(concept.note);
    entries.set(sourceLanguage, {
      term: main.term,
      variants: terms.filter((term) => term !== main).map((term) => term.term),
      caseSensitive: typeOf(main.notes, 'x-caseSensitive') === 'true',
      note: conceptNote ?? main.note ?? '',
    });
  }
  return entries;
}

function list(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function firstText(value: unknown): string | undefined {
  return Array.isArray(value) ? value.map(text).find((found) => found !== undefined) : undefined;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element the parser gave as a string, or as an object when it had attributes. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  if (isNode(value) && Object.keys(value).every((key) => key.startsWith('@'))) return '';
  return undefined;
}

function lineAt(content: string, index: number | undefined): number | undefined {
  return index === undefined ? undefined : content.slice(0, index).split(/\r\n|\r|\n/).length;
}
