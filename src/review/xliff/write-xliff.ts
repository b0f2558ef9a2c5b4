import { escapeXml } from '../../xml/xml-node.ts';
import type { ArticleReview, ReviewSegment, ReviewTag } from '../review-types.ts';
import { dataIds, escapeXliffText, taggedToXliff } from './xliff-inline.ts';
import { targetStamp } from './target-stamp.ts';
import { jialingXliffNamespace, unitId, xliffNamespace } from './xliff-names.ts';

/**
 * One article in one language as an XLIFF 2.1 document: a `<file>` whose `original` is the article's path,
 * and a `<unit>` per segment, named by the segment's content id so an import can tell the source is unchanged.
 * Inline formatting travels as `<pc>`/`<ph>` with its markdown in `<originalData>`; glossary terms, quality
 * findings and a review request are `<note>`s; the segment's `state` says where its translation stands. The
 * language and each unit's translation at export (`jl:language`, `jl:base`) let an import find conflicts.
 */
export function writeXliff(article: ArticleReview, sourceLanguage: string): string {
  const root = attributes({ xmlns: xliffNamespace, 'xmlns:jl': jialingXliffNamespace, version: '2.1', srcLang: sourceLanguage, trgLang: article.language });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff ${root}>`,
    `  <file ${attributes({ id: 'f1', original: article.file, canResegment: 'no', 'jl:language': article.language })}>`,
    ...article.segments.flatMap(unit),
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

function unit(segment: ReviewSegment): string[] {
  const state = attributes({ id: `s${segment.index}`, state: segment.state, ...(segment.needsReview ? { subState: 'jialing:needs-review' } : {}) });
  return [
    `    <unit ${attributes({ id: unitId(segment.index), name: segment.id, 'jl:base': targetStamp(segment.target) })} xml:space="preserve">`,
    ...notes(segment),
    ...originalData(segment.tags, '      '),
    `      <segment ${state}>`,
    `        <source>${taggedToXliff(segment.source, segment.tags)}</source>`,
    ...(segment.target === undefined ? [] : [`        <target>${taggedToXliff(segment.target, segment.tags)}</target>`]),
    '      </segment>',
    '    </unit>',
  ];
}

function notes(segment: ReviewSegment): string[] {
  const lines = [
    ...(segment.key === undefined ? [] : [note({ category: 'key' }, segment.key)]),
    ...(segment.needsReview ? [note({ category: 'review', appliesTo: 'target', priority: '1' }, 'The source changed since a person reviewed this segment: check the translation.')] : []),
    ...segment.terms.map((term) => note({ category: 'glossary' }, [`${term.source} → ${term.target}`, ...term.notes].join(': '))),
    ...segment.findings.map((finding) =>
      note({ category: 'qa', appliesTo: 'target', priority: finding.severity === 'error' ? '1' : '5' }, `${finding.severity} ${finding.check}: ${finding.message}`),
    ),
  ];
  return lines.length === 0 ? [] : ['      <notes>', ...lines, '      </notes>'];
}

// The markdown each tag stands for, so a CAT tool can show it.
function originalData(tags: readonly ReviewTag[], indent: string): string[] {
  if (tags.length === 0) return [];
  const data = tags.flatMap((tag) => {
    const ids = dataIds(tag.id);
    const open = `${indent}  <data id="${ids.open}">${escapeXliffText(tag.open)}</data>`;
    return tag.kind === 'pair' ? [open, `${indent}  <data id="${ids.close}">${escapeXliffText(tag.close ?? '')}</data>`] : [open];
  });
  return [`${indent}<originalData>`, ...data, `${indent}</originalData>`];
}

function note(values: Record<string, string>, text: string): string {
  return `        <note ${attributes(values)}>${escapeXliffText(text)}</note>`;
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(value)}"`)
    .join(' ');
}
