import { describe, expect, it } from 'vitest';
import { defaultResourceSyntax } from '../../src/i18next/resource-syntax.ts';
import { resourceToTagged, taggedToResource } from '../../src/i18next/resource-text.ts';

const markupOf = (value: string, syntax = defaultResourceSyntax) =>
  resourceToTagged(value, syntax).tags.map((tag) => (tag.kind === 'atom' ? tag.markup.join('') : `${tag.open.join('')}…${tag.close.join('')}`));

describe('resource strings as tagged text', () => {
  it.each([
    ['Hello {{name}}!', 'Hello <x1/>!', ['{{name}}']],
    ['Costs {{value, number}} and {{- raw}}', 'Costs <x1/> and <x2/>', ['{{value, number}}', '{{- raw}}']],
    ['See $t(nav.home) or $t(items, {"count": 2})', 'See <x1/> or <x2/>', ['$t(nav.home)', '$t(items, {"count": 2})']],
    ['Read <1>the guide</1> and <strong>book</strong>', 'Read <g1>the guide</g1> and <g2>book</g2>', ['<1>…</1>', '<strong>…</strong>']],
    ['Line one<br/>line two', 'Line one<x1/>line two', ['<br/>']],
    ['Fish & <chips', 'Fish &amp; &lt;chips', []],
  ])('keeps the placeholders of %j as tags', (value, text, markup) => {
    expect(resourceToTagged(value, defaultResourceSyntax).text).toBe(text);
    expect(markupOf(value)).toEqual(markup);
  });

  it('keeps a nesting reference whose options hold the suffix inside quotes', () => {
    expect(markupOf('A $t(key, { "label": "a)b" }) here')).toEqual(['$t(key, { "label": "a)b" })']);
  });

  it('uses a customised interpolation prefix and suffix', () => {
    const syntax = { ...defaultResourceSyntax, prefix: '__', suffix: '__' };
    expect(resourceToTagged('Hello __name__, {{kept}}', syntax).text).toBe('Hello <x1/>, {{kept}}');
  });

  it('keeps ICU arguments and translates the texts of plural and select branches', () => {
    const syntax = { ...defaultResourceSyntax, icu: true };
    const value = 'Hi {name}: {count, plural, one {# new message} other {# new messages}}';
    const { text, tags } = resourceToTagged(value, syntax);
    expect(text).toBe('Hi <x1/>: <x2/><x3/> new message<x4/><x5/> new messages<x6/>');
    expect(tags.map((tag) => (tag.kind === 'atom' ? tag.markup.join('') : ''))).toEqual(['{name}', '{count, plural, one {', '#', '} other {', '#', '}}']);
    const translated = taggedToResource('Hola <x1/>: <x2/><x3/> mensaje nuevo<x4/><x5/> mensajes nuevos<x6/>', tags);
    expect(translated).toEqual({ value: 'Hola {name}: {count, plural, one {# mensaje nuevo} other {# mensajes nuevos}}' });
  });

  it('writes a translation back, mending a span an engine split', () => {
    const { tags } = resourceToTagged('Read <1>the visitor guide</1>.', defaultResourceSyntax);
    expect(taggedToResource('Lee la <g1>guía</g1> del <g1>visitante</g1>.', tags)).toEqual({ value: 'Lee la <1>guía del visitante</1>.' });
  });

  it('refuses a translation that lost or repeated a placeholder', () => {
    const { tags } = resourceToTagged('{{count}} items', defaultResourceSyntax);
    expect(taggedToResource('artículos', tags)).toEqual({ problems: ['{{count}} was lost'] });
    expect(taggedToResource('<x1/> <x1/> artículos', tags)).toEqual({ problems: ['{{count}} came back 2 times'] });
  });
});
