import { parseXml, startOffsetOf } from '../../xml/parse-xml.ts';
import { positionAt } from '../../xml/text-position.ts';
import { withoutDeclarations } from '../../xml/without-declarations.ts';
import { attributeOf, childElements, nodeName, type XmlNode } from '../../xml/xml-node.ts';
import { XliffError, type XliffProblem } from './xliff-error.ts';
import { xliffNamespace, xliffStates, xliffVersions, type XliffState } from './xliff-names.ts';

/** A `<unit>` holding one `<segment>`, its source and target still as XML. */
export interface XliffUnit {
  readonly id: string;
  /** The content id of the segment the unit was exported from. */
  readonly name?: string;
  /** The fingerprint of the project's translation when the file was exported (`jl:base`), if the file kept it. */
  readonly base?: string;
  readonly line?: number;
  readonly state: XliffState;
  readonly source: XmlNode;
  readonly target?: XmlNode;
}

/** An XLIFF 2 document holding one article in one language. */
export interface XliffDocument {
  readonly version: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** The article's path relative to the articles folder, from `<file original>`. */
  readonly original: string;
  /** The language the file was exported for (`jl:language`), if the file kept it. */
  readonly exportedLanguage?: string;
  readonly units: readonly XliffUnit[];
}

const fixHint = 'Fix the file, or export it again with `jialing xliff export` and redo the edits in the new file, then import again.';

/**
 * Reads an XLIFF 2.0 or 2.1 document of one article; throws an `XliffError` naming every problem found.
 * A DOCTYPE or ENTITY declaration is refused before the XML is parsed.
 */
export function readXliff(content: string, file: string): XliffDocument {
  const fail = (message: string, line?: number, hint = fixHint) => new XliffError(file, [{ message, line }], hint);
  const declarations = withoutDeclarations(content);
  if ('refused' in declarations) {
    const { kind, line } = declarations.refused;
    throw fail(
      `refusing a <!${kind}> declaration: XLIFF needs none, and entity declarations can expand without bound or read other files.`,
      line,
      'Remove the declaration and import again.',
    );
  }
  const parsed = parseXml(declarations.xml);
  if ('problem' in parsed) throw fail(`not well-formed XML: ${parsed.problem.message}`, parsed.problem.line, 'Fix the file (an XML validator shows the spot) and import again.');
  const lineOf = (node: XmlNode) => {
    const offset = startOffsetOf(node);
    return offset === undefined ? undefined : positionAt(content, offset).line;
  };

  const root = parsed.nodes.find((node) => nodeName(node) !== '#text');
  if (!root || nodeName(root) !== 'xliff') throw fail(`not an XLIFF document: expected <xliff> as the root element, found ${root ? `<${nodeName(root)}>` : 'nothing'}.`, root && lineOf(root), 'Import an XLIFF 2.1 file written by `jialing xliff export`.');
  const version = attributeOf(root, 'version');
  if (version === undefined || !xliffVersions.includes(version)) {
    throw fail(`XLIFF version ${version === undefined ? '(none)' : `"${version}"`} is not supported: jialing reads XLIFF 2.0 and 2.1.`, lineOf(root), 'Save the file as XLIFF 2.1 (or 2.0) in the CAT tool and import again.');
  }
  const namespace = attributeOf(root, 'xmlns');
  if (namespace !== xliffNamespace) throw fail(`<xliff> must be in the XLIFF 2 namespace xmlns="${xliffNamespace}", found ${namespace === undefined ? 'no xmlns' : `"${namespace}"`}.`, lineOf(root));
  const sourceLanguage = attributeOf(root, 'srcLang');
  const targetLanguage = attributeOf(root, 'trgLang');
  if (!sourceLanguage || !targetLanguage) throw fail(`<xliff> needs both srcLang and trgLang (found ${sourceLanguage ? `srcLang="${sourceLanguage}"` : 'no srcLang'}, ${targetLanguage ? `trgLang="${targetLanguage}"` : 'no trgLang'}).`, lineOf(root));

  const files = childElements(root).filter((node) => nodeName(node) === 'file');
  if (files.length !== 1) throw fail(`holds ${files.length} <file> elements; jialing reads one article per XLIFF file.`, lineOf(root), 'Import the files `jialing xliff export` writes, one per article.');
  const fileElement = files[0]!;
  const original = attributeOf(fileElement, 'original');
  if (!original) throw fail('<file> has no `original` attribute naming the article.', lineOf(fileElement));

  const problems: XliffProblem[] = [];
  const units = unitsOf(fileElement).flatMap((node) => {
    const unit = readUnit(node, lineOf(node));
    if ('problem' in unit) {
      problems.push(unit.problem);
      return [];
    }
    return [unit];
  });
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.id)) problems.push({ line: unit.line, unit: unit.id, message: 'appears more than once; each unit id must be unique.' });
    seen.add(unit.id);
  }
  if (problems.length > 0) throw new XliffError(file, problems, fixHint);
  return { version, sourceLanguage, targetLanguage, original, exportedLanguage: attributeOf(fileElement, 'jl:language'), units };
}

// Groups nest units; anything else in a <file> (notes, skeleton, module data) carries nothing to import.
function unitsOf(element: XmlNode): XmlNode[] {
  return childElements(element).flatMap((child) => (nodeName(child) === 'unit' ? [child] : nodeName(child) === 'group' ? unitsOf(child) : []));
}

function readUnit(node: XmlNode, line: number | undefined): XliffUnit | { readonly problem: XliffProblem } {
  const id = attributeOf(node, 'id');
  const problem = (message: string) => ({ problem: { line, unit: id, message } });
  if (!id) return problem('a <unit> has no id.');
  const children = childElements(node);
  const segments = children.filter((child) => nodeName(child) === 'segment');
  const ignorables = children.filter((child) => nodeName(child) === 'ignorable');
  if (segments.length !== 1 || ignorables.length > 0) {
    return problem(`holds ${segments.length} <segment> and ${ignorables.length} <ignorable> elements; jialing writes one <segment> per unit and reads it back only whole (the file says canResegment="no").`);
  }
  const segment = segments[0]!;
  const state = attributeOf(segment, 'state') ?? 'initial';
  if (!isState(state)) return problem(`state="${state}" is not an XLIFF 2 segment state (${xliffStates.join(', ')}).`);
  const source = childElements(segment).find((child) => nodeName(child) === 'source');
  if (!source) return problem('its <segment> has no <source>.');
  const target = childElements(segment).find((child) => nodeName(child) === 'target');
  return { id, name: attributeOf(node, 'name'), base: attributeOf(node, 'jl:base'), line, state, source, target };
}

function isState(value: string): value is XliffState {
  return (xliffStates as readonly string[]).includes(value);
}
