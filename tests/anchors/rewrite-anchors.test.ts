import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { AnchorOptions } from '../../src/anchors/anchor-options.ts';
import { findFragmentLinks } from '../../src/anchors/find-fragment-links.ts';
import { rewriteAnchors } from '../../src/anchors/rewrite-anchors.ts';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';

const github: AnchorOptions = { style: 'github' };

describe('rewriteAnchors', () => {
  it('points an in-page link at the translated heading', () => {
    const source = '## Options\n\nSee [the options](#options).\n';
    const output = '## Opciones\n\nVer [las opciones](#options).\n';
    expect(rewriteAnchors(source, output, github)).toBe('## Opciones\n\nVer [las opciones](#opciones).\n');
  });

  it('pairs repeated headings by position and writes their numbered slugs', () => {
    const source = '## Options\n\nFirst.\n\n## Options\n\n[first](#options), [second](#options-1)\n';
    const output = '## Opciones\n\nPrimero.\n\n## Opciones\n\n[primero](#options), [segundo](#options-1)\n';
    expect(rewriteAnchors(source, output, github)).toBe('## Opciones\n\nPrimero.\n\n## Opciones\n\n[primero](#opciones), [segundo](#opciones-1)\n');
  });

  it('follows headings with inline code, emphasis, punctuation, accents and emoji', () => {
    const source = [
      '## The `run()` *function*',
      "## What's new?",
      '## 🚀 Quick start',
      '',
      '[a](#the-run-function) [b](#whats-new) [c](#-quick-start)',
      '',
    ].join('\n\n');
    const output = ['## La *función* `run()`', '## ¿Qué hay de nuevo?', '## 🚀 Inicio rápido', '', '[a](#the-run-function) [b](#whats-new) [c](#-quick-start)', ''].join('\n\n');
    expect(rewriteAnchors(source, output, github)).toBe(
      ['## La *función* `run()`', '## ¿Qué hay de nuevo?', '## 🚀 Inicio rápido', '', '[a](#la-función-run) [b](#qué-hay-de-nuevo) [c](#-inicio-rápido)', ''].join('\n\n'),
    );
  });

  it('reads a document whose table holds an address written with a character reference', () => {
    const source = '## Contact\n\n| Centre | Mail |\n| - | - |\n| Yuelai | contact&#64;yuelai.example |\n\nSee [contact](#contact).\n';
    const output = '## Contacto\n\n| Centro | Correo |\n| - | - |\n| Yuelai | contact&#64;yuelai.example |\n\nVer [contacto](#contact).\n';
    expect(rewriteAnchors(source, output, github)).toBe(output.replace('(#contact)', '(#contacto)'));
  });

  it('passes over a link the parser could not place in the source, and finds the others', () => {
    const source = 'See [a](#a).\n';
    const tree = parseMarkdown(source);
    // A literal link found in decoded text that no search of the source could place (see fillMissingPositions).
    const paragraph = tree.children[0] as Paragraph;
    paragraph.children.unshift({ type: 'link', url: 'http://www.x#top', children: [{ type: 'text', value: 'www.x#top' }] });
    expect(findFragmentLinks(tree, source).map((link) => link.markup)).toEqual(['[a](#a)']);
  });

  it('keeps a percent-encoded fragment percent-encoded', () => {
    const source = '## Café\n\n[menu](#caf%C3%A9)\n';
    const output = '## Cafetería\n\n[menú](#caf%C3%A9)\n';
    expect(rewriteAnchors(source, output, github)).toBe('## Cafetería\n\n[menú](#cafeter%C3%ADa)\n');
  });

  it('matches a fragment written in another case, as GitHub does', () => {
    expect(rewriteAnchors('## Options\n\n[o](#Options)\n', '## Opciones\n\n[o](#Options)\n', github)).toBe('## Opciones\n\n[o](#opciones)\n');
  });

  it('rewrites reference definitions and HTML hrefs, not the references', () => {
    const source = '## Options\n\nSee [the options][opts] or <a href="#options">here</a>.\n\n[opts]: #options "All options"\n';
    const output = '## Opciones\n\nVer [las opciones][opts] o <a href="#options">aquí</a>.\n\n[opts]: #options "All options"\n';
    expect(rewriteAnchors(source, output, github)).toBe(
      '## Opciones\n\nVer [las opciones][opts] o <a href="#opciones">aquí</a>.\n\n[opts]: #opciones "All options"\n',
    );
  });

  it('leaves links to ids set by hand alone, on headings and in HTML', () => {
    const source = '## Options {#opts}\n\n<a id="setup"></a>\n\n## Setup\n\n[o](#opts) [s](#setup)\n';
    const output = '## Opciones {#opts}\n\n<a id="setup"></a>\n\n## Instalación\n\n[o](#opts) [s](#setup)\n';
    expect(rewriteAnchors(source, output, github)).toBe(output);
  });

  it('changes nothing under keep', () => {
    const source = '## Options\n\n[o](#options)\n';
    const output = '## Opciones\n\n[o](#options)\n';
    expect(rewriteAnchors(source, output, { style: 'keep' })).toBe(output);
  });

  it('leaves a link to a heading the source does not have', () => {
    const output = '## Opciones\n\n[o](#nowhere)\n';
    expect(rewriteAnchors('## Options\n\n[o](#nowhere)\n', output, github)).toBe(output);
  });

  it('leaves links alone when the translation has another number of headings', () => {
    const output = '## Opciones\n\n## Uso\n\n[o](#options)\n';
    expect(rewriteAnchors('## Options\n\n[o](#options)\n', output, github)).toBe(output);
  });

  it('leaves a fragment spelled with a character reference, which it cannot splice byte for byte', () => {
    const output = '## Opciones\n\n[o](#&#111;ptions)\n';
    expect(rewriteAnchors('## Options\n\n[o](#&#111;ptions)\n', output, github)).toBe(output);
  });

  it('changes only the fragment bytes, whatever the spacing, brackets and titles around them', () => {
    const source = '# Options\n\n* [a]( <#options> "Title" )\n* [b](#options \'t\')\n\n> [c]:\n>   #options\n>   "x"\n\n\t[d]:  #nowhere\n';
    const output = '# Opciones\n\n* [a]( <#options> "Título" )\n* [b](#options \'t\')\n\n> [c]:\n>   #options\n>   "x"\n\n\t[d]:  #nowhere\n';
    expect(rewriteAnchors(source, output, github)).toBe(
      '# Opciones\n\n* [a]( <#opciones> "Título" )\n* [b](#opciones \'t\')\n\n> [c]:\n>   #opciones\n>   "x"\n\n\t[d]:  #nowhere\n',
    );
  });

  it('returns the very same text when there is no fragment link', () => {
    const output = '---\ntitle: Guía\n---\n\n# Guía\n\n## Opciones\n\nTexto con [un enlace](https://example.com).\n';
    expect(rewriteAnchors('# Guide\n\n## Options\n', output, github)).toBe(output);
  });

  it('rewrites a link into another article of the run through the hook, resolved from the article folder', () => {
    const asked: string[] = [];
    const options: AnchorOptions = {
      style: 'github',
      file: 'docs/intro.md',
      otherArticles: (path) => {
        asked.push(path);
        return path === 'guide/setup.md' ? { sourceSlugs: ['setup', 'install'], targetSlugs: ['configuración', 'instalación'] } : undefined;
      },
    };
    const source = '# Intro\n\n[i](../guide/setup.md#install) [u](other.md#install) [s](./intro.md#intro) [w](https://example.com/setup.md#install)\n';
    const output = '# Introducción\n\n[i](../guide/setup.md#install) [u](other.md#install) [s](./intro.md#intro) [w](https://example.com/setup.md#install)\n';
    expect(rewriteAnchors(source, output, options)).toBe(
      '# Introducción\n\n[i](../guide/setup.md#instalación) [u](other.md#install) [s](./intro.md#introducción) [w](https://example.com/setup.md#install)\n',
    );
    expect(asked).toEqual(['guide/setup.md', 'docs/other.md']);
  });
});
