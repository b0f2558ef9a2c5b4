import { parseXml } from '../xml/parse-xml.ts';
import { blankOut, matchLines } from '../xml/text-position.ts';
import { attributeOf, childElements, nodeName, textContent, type XmlNode } from '../xml/xml-node.ts';
import { tmxError } from './tmx-error.ts';
import { withoutDoctype } from './without-doctype.ts';

/** One language of a translation unit. */
export interface TmxVariant {
  readonly language: string;
  /** The `<seg>` element, for `tmxToTagged`. */
  readonly seg: XmlNode;
}

/** A `<tu>` with its source variant and at least one translation. */
export interface TmxUnit {
  /** How messages name the unit: `tu #3 (tuid "…")`. */
  readonly label: string;
  /** `<prop>` values by type. */
  readonly props: ReadonlyMap<string, string>;
  readonly source: TmxVariant;
  readonly targets: readonly TmxVariant[];
}

/** Which variant is the source, and where the document came from. */
export interface ReadTmxOptions {
  /** Language of the `<tuv>` that is the source of each unit. */
  readonly sourceLanguage: string;
  /** Where the document came from, for messages. */
  readonly file?: string;
}

const commentsAndCdata = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The translation units of a TMX document; throws a MemoryError naming the first problem's place. */
export function readTmx(content: string, options: ReadTmxOptions): TmxUnit[] {
  const { file } = options;
  const malformed = (position: { line?: number; column?: number }, message: string) =>
    tmxError(file, position, `not well-formed XML: ${message}`, 'Fix the file (an XML validator shows the spot) and import again.');
  const xml = withoutDoctype(content, file);
  const parsed = parseXml(xml);
  if ('problem' in parsed) throw malformed(parsed.problem, parsed.problem.message);
  const document = parsed.nodes;
  const markup = blankOut(xml, commentsAndCdata);
  const root = document.find((node) => nodeName(node) !== '#text');
  const body = root && nodeName(root) === 'tmx' ? childElements(root).find((node) => nodeName(node) === 'body') : undefined;
  if (!body) throw tmxError(file, {}, `not a TMX document: expected <tmx> with a <body>, found <${root ? nodeName(root) : 'nothing'}>.`, 'Import a TMX 1.4 file.');

  const unitLines = matchLines(markup, /<tu[\s>/]/g);
  const units = childElements(body);
  return units.map((unit, index) => {
    const label = `tu #${index + 1}${attributeOf(unit, 'tuid') === undefined ? '' : ` (tuid "${attributeOf(unit, 'tuid')}")`}`;
    // Only trust the scanned lines when they are as many as the units (a `<tu` in an attribute would shift them).
    const line = unitLines.length === units.length ? unitLines[index] : undefined;
    return readUnit(unit, label, options, (message, hint) => tmxError(file, { line }, `${label} ${message}`, hint));
  });
}

type UnitProblem = (message: string, hint: string) => Error;

function readUnit(unit: XmlNode, label: string, options: ReadTmxOptions, problem: UnitProblem): TmxUnit {
  if (nodeName(unit) !== 'tu') throw problem(`is a <${nodeName(unit)}>, but <body> holds only <tu> elements.`, 'Remove it and import again.');
  const children = childElements(unit);
  const props = new Map(children.filter((child) => nodeName(child) === 'prop').map((prop) => [attributeOf(prop, 'type') ?? '', textContent(prop)]));
  const variants = children.filter((child) => nodeName(child) === 'tuv').map((tuv) => readVariant(tuv, problem));
  const wanted = options.sourceLanguage.toLowerCase();
  const sources = variants.filter((variant) => variant.language.toLowerCase() === wanted);
  const targets = variants.filter((variant) => variant.language.toLowerCase() !== wanted);
  const bothHint = `Every <tu> needs a <tuv xml:lang="${options.sourceLanguage}"> and at least one translation; fix or remove this one and import again.`;
  if (sources.length === 0) throw problem(`has no <tuv xml:lang="${options.sourceLanguage}"> (it has ${variants.map((variant) => variant.language).join(', ') || 'no <tuv>'}).`, bothHint);
  if (targets.length === 0) throw problem(`has only the source language "${options.sourceLanguage}" and no translation.`, bothHint);
  const languages = variants.map((variant) => variant.language.toLowerCase());
  const repeated = languages.find((language, index) => languages.indexOf(language) !== index);
  if (repeated) throw problem(`has more than one <tuv xml:lang="${repeated}">.`, 'Keep one variant per language and import again.');
  return { label, props, source: sources[0]!, targets };
}

function readVariant(tuv: XmlNode, problem: UnitProblem): TmxVariant {
  // TMX 1.4 writes xml:lang; TMX 1.1 and 1.2 wrote lang.
  const language = attributeOf(tuv, 'xml:lang') ?? attributeOf(tuv, 'lang');
  if (!language) throw problem('has a <tuv> without xml:lang.', 'Add the language to the <tuv> and import again.');
  const seg = childElements(tuv).find((child) => nodeName(child) === 'seg');
  if (!seg) throw problem(`has a <tuv xml:lang="${language}"> without <seg>.`, 'Add the segment or remove the <tuv>, and import again.');
  return { language, seg };
}
