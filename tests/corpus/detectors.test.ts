import { describe, expect, it } from 'vitest';
import type { ReportedProblem } from '../../scripts/corpus/detector.ts';
import { detectors } from '../../scripts/corpus/detectors/detectors.ts';
import { createSlugger } from '../../scripts/corpus/github-slug.ts';
import { parseDocument } from '../../scripts/corpus/parse-document.ts';

type Kind = keyof typeof detectors;

const detect = (kind: Kind, source: string, output: string, options: { engine?: string; problems?: ReportedProblem[] } = {}) =>
  detectors[kind]({ source: parseDocument(source), output: parseDocument(output), engine: options.engine ?? 'apertium', problems: options.problems ?? [] }).map(
    (detection) => detection.message,
  );

describe('span-edge', () => {
  it('finds inline code pushed out of a link', () => {
    expect(detect('span-edge', '[`npm install` command](https://a.example).', 'la `npm install` [orden](https://a.example).')).toEqual([
      'inline code `npm install` at its start moved out of the link',
    ]);
  });

  it('finds symbols pushed out of links and strong', () => {
    expect(detect('span-edge', 'By [@google](https://a.example) and [n_](https://b.example).', 'Por @[google](https://a.example) y [n](https://b.example)_.')).toEqual([
      '`@` at its start moved out of the link',
      '`_` at its end moved out of the link',
    ]);
    expect(detect('span-edge', 'Type **{Object}**', 'Tipo {**Objeto**}')).toEqual(['`{` at its start moved out of the strong; `}` at its end moved out of the strong']);
  });

  it('accepts edges kept and translated words in between', () => {
    expect(detect('span-edge', 'See [#825 (comment)](https://a.example) and *`a` or `b`*.', 'Ve [#825 (comentario)](https://a.example) y *`a` o `b`*.')).toEqual([]);
  });

  it('accepts words the translation puts before an edge inside the span', () => {
    expect(detect('span-edge', 'See [`development` condition][d] and [.verb.md](.verb.md).\n\n[d]: https://d.example', 'Ve [la `development` condición][d] y [el .verb.md](.verb.md).\n\n[d]: https://d.example')).toEqual([]);
  });

  it('pairs in-page links whose fragment was rewritten', () => {
    expect(detect('span-edge', 'See [`--harmony` flag](#harmony).', 'Ve [`--harmony` bandera](#armonia).')).toEqual([]);
  });
});

describe('anchor', () => {
  it('finds an in-page link whose heading was translated', () => {
    expect(detect('anchor', '# Options\n\nSee [options](#options).', '# Opciones\n\nVe [opciones](#options).')).toEqual([
      "`#options` lands on the heading `#options`; the output's `#options` lands nowhere",
    ]);
  });

  it('accepts a fragment rewritten to the translated slug, and ignores links that never resolved', () => {
    expect(detect('anchor', '# Options\n\nSee [options](#options) or [top](#top).', '# Opciones\n\nVe [opciones](#opciones) o [arriba](#top).')).toEqual([]);
  });

  it('reads HTML hrefs', () => {
    expect(detect('anchor', '## Backers\n\n<a href="#backers">b</a>', '## Partidarios\n\n<a href="#partidarios">b</a>')).toEqual([]);
    expect(detect('anchor', '## Backers\n\n<a href="#backers">b</a>', '## Partidarios\n\n<a href="#backers">b</a>')).toHaveLength(1);
  });

  it('reads reference definitions and explicit HTML ids', () => {
    const source = '<a name="api"></a>\n\n## Use it\n\n[use][] and [api](#api)\n\n[use]: #use-it\n';
    expect(detect('anchor', source, '<a name="api"></a>\n\n## Úsalo\n\n[usa][use] y [api](#api)\n\n[use]: #use-it\n')).toEqual([
      "`#use-it` lands on the heading `#use-it`; the output's `#use-it` lands nowhere",
    ]);
  });
});

describe('github slugs', () => {
  it('follows GitHub: lowercase, punctuation dropped, spaces to dashes, repeats numbered', () => {
    const slug = createSlugger();
    expect(['Node options such as `--harmony`', 'What is this?', 'API', 'API', 'API-1', 'snake_case & Ünïcode!'].map((text) => slug(text.replaceAll('`', '')))).toEqual([
      'node-options-such-as---harmony',
      'what-is-this',
      'api',
      'api-1',
      'api-1-1',
      'snake_case--ünïcode',
    ]);
  });
});

describe('alert', () => {
  it('finds an escaped or translated marker and accepts the same bytes', () => {
    expect(detect('alert', '> [!NOTE]\n> Read this.', '> \\[!Nota]\n> Lee esto.')).toEqual(['alert marker `[!NOTE]` became `\\[!Nota]`']);
    expect(detect('alert', '> [!WARNING]\n> Read this.', '> [!WARNING]\n> Lee esto.')).toEqual([]);
    expect(detect('alert', '> Just a quote.', '> Una cita.')).toEqual([]);
  });
});

describe('tilde', () => {
  it('counts `~` in text but not in code or strikethrough', () => {
    expect(detect('tilde', 'Used by ~115,000 packages.', 'Utilizado por 115,000 paquetes.')).toEqual(['1 `~` in the source text, 0 in the output']);
    expect(detect('tilde', 'Run `npm i ~1.0` or ~~not~~ this.', 'Ejecuta `npm i ~1.0` o ~~no~~ esto.')).toEqual([]);
  });
});

describe('url-text', () => {
  it('finds a mangled URL, host, e-mail or domain', () => {
    expect(detect('url-text', 'See http://rem.mit-license.org now.', 'Ve http://-license.orgrem.mit ahora.')).toEqual([
      '`http://rem.mit-license.org` appears 1 time(s) in the source text, 0 in the output',
    ]);
    expect(detect('url-text', 'Mail foo@bar.com or visit example.org.', 'Escribe a foo@bar.com o visita example.org.')).toEqual([]);
    expect(detect('url-text', 'Visit www.example.com.', 'Visita www.ejemplo.com.')).toHaveLength(1);
  });
});

describe('link-structure', () => {
  it('finds link syntax left as text and a changed number of links', () => {
    const source = 'One | [Two](#two) | [Three](#three) | Four';
    expect(detect('link-structure', source, 'Uno | [Dos de | [Tres](#three) cuatro](#two)')).toEqual([
      'link syntax left as text: 1 `](` or `[…]` in the output text, 0 in the source',
      '2 links in the source, 1 in the output',
    ]);
    expect(detect('link-structure', 'Call `f([a])` or [b](x) with [optional] args.', 'Llama `f([a])` o [b](x) con [optional] args.')).toEqual([]);
  });
});

describe('shortcode', () => {
  it('finds a translated emoji shortcode', () => {
    expect(detect('shortcode', '| a | :heavy_check_mark: |\n|---|---|', '| a | :Marca_de_control pesado: |\n|---|---|')).toEqual([
      '`:heavy_check_mark:` appears 1 time(s) in the source text, 0 in the output',
    ]);
    expect(detect('shortcode', 'Nice :+1: at 10:30:00.', 'Bien :+1: a las 10:30:00.')).toEqual([]);
  });
});

describe('tech-token', () => {
  it('finds changed file names, packages, versions and identifiers', () => {
    expect(detect('tech-token', 'Edit app.js with @ladjs/consolidate on node v18.0.0 and max_age.', 'Edita App.js con @ladjs/consolida en node v18.0 de node.0 y max_edad.')).toEqual([
      '`app.js` appears 1 time(s) in the source text, 0 in the output',
      '`@ladjs/consolidate` appears 1 time(s) in the source text, 0 in the output',
      '`v18.0.0` appears 1 time(s) in the source text, 0 in the output',
      '`max_age` appears 1 time(s) in the source text, 0 in the output',
    ]);
  });

  it('accepts tokens kept, abbreviations and words around them translated', () => {
    expect(detect('tech-token', 'See nestedCommands.js, e.g. options.onResult in 1.2.3 (e.g all).', 'Ve nestedCommands.js, p. ej. options.onResult en 1.2.3 (e.G todo).')).toEqual([]);
  });

  it('leaves URLs and shortcodes to their own kinds', () => {
    expect(detect('tech-token', 'At example.com/app.js :white_check_mark:', 'En ejemplo.com/app.js :Marca_de_control blanco:')).toEqual([]);
  });
});

describe('broken-reply', () => {
  it('finds inline code, HTML or URLs lost or duplicated', () => {
    expect(detect('broken-reply', 'Run `a` then <kbd>b</kbd> [c](https://c.example).', 'Ejecuta `a` `a` luego b [c](https://c.example).')).toEqual([
      'duplicated: inline code `a` (1 in the source, 2 in the output)',
      'lost: HTML <kbd> (1 in the source, 0 in the output)',
      'lost: HTML </kbd> (1 in the source, 0 in the output)',
    ]);
  });

  it('accepts in-page fragments rewritten to translated headings, in links and in HTML', () => {
    const source = '# Backers\n\n<a href="#backers">Back</a> [us](#backers)\n';
    expect(detect('broken-reply', source, '# Partidarios\n\n<a href="#partidarios">Back</a> [nosotros](#partidarios)\n')).toEqual([]);
  });

  it('finds a segment reported as kept in English but written translated', () => {
    const problems = [{ severity: 'error', file: 'a.md', language: 'es', line: 3, message: "a.md:3 [es] the translation's formatting came back broken (<g1> was lost); the source text was kept for this segment." }];
    expect(detect('broken-reply', 'Title\n\nThe *will* be.', 'Título\n\nEl *será*.', { problems })).toHaveLength(1);
    expect(detect('broken-reply', 'Title\n\nThe *will* be.', 'Título\n\nThe *will* be.', { problems })).toEqual([]);
  });
});

describe('bytes and render', () => {
  it('compares bytes and rendered HTML for the copy engine only', () => {
    expect(detect('bytes', 'A &nbsp; b', 'A \u00a0 b', { engine: 'copy' })).toEqual(['first difference at line 1']);
    expect(detect('render', 'A &nbsp; b', 'A \u00a0 b', { engine: 'copy' })).toEqual([]);
    expect(detect('render', 'A\nb *c*', 'A b \\*c\\*', { engine: 'copy' })).toEqual(['rendered HTML differs']);
    expect(detect('bytes', 'A', 'Un', { engine: 'apertium' })).toEqual([]);
  });
});
