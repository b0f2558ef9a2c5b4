import { describe, expect, it } from 'vitest';
import { defaultProtectOptions, findProtected, type ProtectOptions } from '../../src/markdown/protect/find-protected.ts';
import { extract } from './helpers.ts';

const tokens = (text: string, options: ProtectOptions = defaultProtectOptions) => findProtected(text, options).map((token) => `${token.rule}:${text.slice(token.start, token.end)}`);

describe('text kept from engines', () => {
  it.each([
    ['> [!NOTE] marker', '[!NOTE]', ['alert:[!NOTE]']],
    ['an explicit heading id', 'API reference {#api-reference}', ['headingId:{#api-reference}']],
    ['a URL as text', 'see http://rem.mit-license.org.', ['url:http://rem.mit-license.org']],
    ['an e-mail address', 'write to tj@vision-media.ca today', ['email:tj@vision-media.ca']],
    ['a scoped package and mentions', 'use @ladjs/consolidate, thanks @google and @_egoistlily', ['package:@ladjs/consolidate', 'package:@google', 'package:@_egoistlily']],
    ['file names and domains', 'edit app.js and nestedCommands.js on jaredhanson.me', ['dotted:app.js', 'dotted:nestedCommands.js', 'dotted:jaredhanson.me']],
    ['relative file paths', 'see test/test-serial-array.js and docs/MIGRATION.md', ['dotted:test/test-serial-array.js', 'dotted:docs/MIGRATION.md']],
    ['versions', 'node v18.0.0 or 1.2.3-beta.1, v1.x or 16.x, not 3.5', ['version:v18.0.0', 'version:1.2.3-beta.1', 'version:v1.x', 'version:16.x']],
    ['identifiers', 'set $data, NODE_ENV and fooBar, call run()', ['identifier:$data', 'identifier:NODE_ENV', 'identifier:fooBar', 'identifier:run()']],
    ['emoji shortcodes', ':heavy_check_mark: and :star:', ['shortcode::heavy_check_mark:', 'shortcode::star:']],
    ['a tilde', 'used by ~115,000 packages, ~9x faster', ['tilde:~', 'tilde:~']],
    ['paths', 'in ~/.npmrc or ./lib/index.js', ['path:~/.npmrc', 'path:./lib/index.js']],
  ])('finds %s', (_name, text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('leaves plain prose alone', () => {
    const prose = 'E.g. the U.S. team, i.e. Mr. Smith, works and/or rests at 10:30:00 on 3.5 well-known days. The end.';
    expect(tokens(prose)).toEqual([]);
  });

  it('takes words and patterns from the config, and switches a built-in kind off', () => {
    const options: ProtectOptions = { off: ['identifier'], words: ['cross-env', 'lint-staged'], patterns: ['\\bACME-\\d+\\b'] };
    expect(tokens('cross-env, lint-staged, ACME-42 and fooBar', options)).toEqual(['words:cross-env', 'words:lint-staged', 'patterns:ACME-42']);
  });

  it('keeps a token as an atom holding its source bytes', () => {
    const { segments } = extract('> [!WARNING]\n> Set \\$data in app.js.\n');
    expect(segments[0]!.text).toBe('<x1/>\nSet <x2/> in <x3/>.');
    expect(segments[0]!.tags.map((tag) => (tag.kind === 'atom' ? tag.markup.join('') : ''))).toEqual(['[!WARNING]', '\\$data', 'app.js']);
  });
});
