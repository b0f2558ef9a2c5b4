// What an engine moves out of a formatted span comes back in: the replies below are what Apertium gave for
// real READMEs before its stream carried the span of every token, so any engine doing the same is mended.
import { describe, expect, it } from 'vitest';
import { extract, rebuildWith } from './helpers.ts';

describe('span edges', () => {
  it('keeps inline code that starts a link inside the link', () => {
    const source = '[`npm install` command](https://docs.npmjs.com/cli)\n';
    expect(extract(source).segments[0]!.text).toBe('<g1><x2/> command</g1>');
    const { text, failures } = rebuildWith(source, { 0: 'la <x2/> <g1>orden</g1>' });
    expect(failures).toEqual([]);
    expect(text).toBe('la [`npm install` orden](https://docs.npmjs.com/cli)\n');
  });

  it('keeps inline code that ends a link inside the link', () => {
    const source = 'See [Node options such as `--harmony`](#options).\n';
    const { text } = rebuildWith(source, { 0: 'Ver <g1>Opciones de nodo como</g1> <x2/>.' });
    expect(text).toBe('Ver [Opciones de nodo como `--harmony`](#options).\n');
  });

  it('keeps a symbol that starts or ends a span inside it', () => {
    expect(rebuildWith('Thanks to [@google](https://github.com/google).\n', { 0: 'Gracias a <g1><x2/></g1>.' }).text).toBe('Thanks to [@google](https://github.com/google).\n'.replace('Thanks to', 'Gracias a'));
    expect(rebuildWith('See [#825 (comment)](https://x.org/825).\n', { 0: 'Ver #<g1>825 (comentario)</g1>.' }).text).toBe('Ver [#825 (comentario)](https://x.org/825).\n');
    expect(rebuildWith('Returns **{Object}** now.\n', { 0: 'Devuelve {<g1>Objeto</g1>} ahora.' }).text).toBe('Devuelve **{Objeto}** ahora.\n');
  });

  it('keeps symbols with the blank after or before them, also where a span begins with another span', () => {
    const source = 'See [*§ 4.5 The `sub` element*][html-sup].\n\n[html-sup]: https://html.spec.whatwg.org/#the-sub\n';
    expect(extract(source).segments[0]!.text).toBe('See <g1><g2>§ 4.5 The <x3/> element</g2></g1>.');
    expect(rebuildWith(source, { 0: 'Ver § <g1><g2>4.5 El elemento <x3/></g2></g1>.' }).text).toBe(source.replace('See [*§ 4.5 The `sub` element*]', 'Ver [*§ 4.5 El elemento `sub`*]'));
    expect(rebuildWith('**💁 Check out the docs**\n', { 0: '💁 <g1>Comprova els docs</g1>' }).text).toBe('**💁 Comprova els docs**\n');
    expect(rebuildWith('[Read the docs →](https://zod.dev)\n', { 0: '<g1>Va llegir el docs</g1> →' }).text).toBe('[Va llegir el docs →](https://zod.dev)\n');
  });

  it('keeps quotes that open and close a span inside it', () => {
    expect(rebuildWith('Say **"hello world"** now.\n', { 0: 'Dice <g1>"hola mundial</g1>" ahora.' }).text).toBe('Dice **"hola mundial"** ahora.\n');
  });

  it('keeps two atoms that open a span in their order', () => {
    expect(rebuildWith('Run **`ls` `-l` now** please.\n', { 0: 'Corre <x2/> <x3/> <g1>ahora</g1> por favor.' }).text).toBe('Corre **`ls` `-l` ahora** por favor.\n');
  });

  it('keeps a trailing underscore inside its link', () => {
    const source = 'Use [n_](https://x.org/n) here.\n';
    const segment = extract(source).segments[0]!;
    // `n_` is an identifier: kept from the engine as an atom, so it cannot move out whatever the engine does.
    expect(segment.text).toBe('Use <g1><x2/></g1> here.');
    expect(rebuildWith(source, { 0: 'Usa <g1></g1><x2/> aquí.' }).text).toBe('Usa [n_](https://x.org/n) aquí.\n');
  });

  it('refuses a link that came back inside another link, keeping the source', () => {
    const source = '[Code of Conduct](https://x.org/coc) | [Report Bugs](https://x.org/bugs)\n';
    const { text, failures } = rebuildWith(source, { 0: '<g1>Código de |\n<g2>Bugs del Informe</g2> de Conducta</g1>' });
    expect(failures[0]!.problems.join()).toMatch(/inside link/);
    expect(text).toBe(source);
  });
});
