import { describe, expect, it } from 'vitest';
import { checkAnchors, type AnchorCheckContext } from '../../src/anchors/check-anchors.ts';

const context: AnchorCheckContext = { style: 'github', file: 'guide.md', targetLanguage: 'es', severities: {} };

describe('checkAnchors', () => {
  it('finds a link that lands on a heading in the source and nowhere in the translation', () => {
    const source = '# Guide\n\n## Options\n\nSee [the options](#options).\n';
    const output = '# Guía\n\n## Opciones\n\nVer [las opciones](#options).\n';
    expect(checkAnchors(source, output, context)).toEqual([
      {
        check: 'anchor',
        severity: 'error',
        file: 'guide.md',
        language: 'es',
        line: 5,
        message:
          'the link to "#options" at line 5 lands nowhere in the translation: the heading it pointed to (line 3 of the source) is "#opciones" in the translation; change the link to "#opciones"',
        text: '[las opciones](#options)',
      },
    ]);
  });

  it('finds nothing when the link follows its heading', () => {
    const source = '## Options\n\n[o](#options) [r][r]\n\n[r]: #options\n';
    const output = '## Opciones\n\n[o](#opciones) [r][r]\n\n[r]: #opciones\n';
    expect(checkAnchors(source, output, context)).toEqual([]);
  });

  it('finds nothing for a link that landed nowhere in the source either', () => {
    expect(checkAnchors('## Options\n\n[o](#nowhere)\n', '## Opciones\n\n[o](#nowhere)\n', context)).toEqual([]);
  });

  it('finds a fragment edited by hand in the place of one that landed', () => {
    const [finding] = checkAnchors('## Options\n\n[o](#options)\n', '## Opciones\n\n[o](#opcions)\n', context);
    expect(finding?.message).toBe(
      'the link to "#opcions" at line 3 lands nowhere in the translation: the heading it pointed to (line 1 of the source) is "#opciones" in the translation; change the link to "#opciones"',
    );
  });

  it('finds an id set by hand that the translation lost', () => {
    const [finding] = checkAnchors('<a id="setup"></a>\n\n[s](#setup)\n', '[s](#setup)\n', context);
    expect(finding?.message).toBe(
      'the link to "#setup" at line 1 lands nowhere in the translation: the source has the id "setup" and the translation lost it; restore the id, or point the link at an anchor the translation has',
    );
  });

  it('says what to do when headings no longer pair up', () => {
    const [finding] = checkAnchors('## Options\n\n[o](#options)\n', '## Opciones\n\n## Uso\n\n[o](#options)\n', context);
    expect(finding?.message).toBe(
      'the link to "#options" at line 5 lands nowhere in the translation: the translation has no anchor for the heading it pointed to (line 1 of the source); point the link at one of the translation\'s headings, or give that heading the id "options"',
    );
  });

  it('takes the severity the config asks for', () => {
    const [finding] = checkAnchors('## Options\n\n[o](#options)\n', '## Opciones\n\n[o](#options)\n', { ...context, severities: { anchor: 'warning' } });
    expect(finding?.severity).toBe('warning');
  });

  it('under keep, weighs only ids set by hand', () => {
    const keep: AnchorCheckContext = { ...context, style: 'keep' };
    expect(checkAnchors('## Options\n\n[o](#options)\n', '## Opciones\n\n[o](#options)\n', keep)).toEqual([]);
    expect(checkAnchors('## Options {#opts}\n\n[o](#opts)\n', '## Opciones\n\n[o](#opts)\n', keep)).toHaveLength(1);
  });

  it('checks a link into another article of the run through the hook', () => {
    const withHook: AnchorCheckContext = {
      ...context,
      otherArticles: (path) => (path === 'setup.md' ? { sourceSlugs: ['install'], targetSlugs: ['instalación'] } : undefined),
    };
    const findings = checkAnchors('[i](setup.md#install) [o](other.md#install)\n', '[i](setup.md#install) [o](other.md#install)\n', withHook);
    expect(findings.map((finding) => finding.message)).toEqual([
      'the link to "setup.md#install" at line 1 lands nowhere in the translation of setup.md: the heading "#install" it pointed to is "#instalación" in the translation; change the link to "setup.md#instalación"',
    ]);
  });
});
