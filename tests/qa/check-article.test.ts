import { describe, expect, it } from 'vitest';
import { checkArticle, type ArticleCheckContext } from '../../src/qa/check-article.ts';
import { segmentsOf } from './helpers.ts';

const source = `# Chongqing

By 2021 there were 101 centres in Chongqing.

The museum opens at noon.
`;

const context: ArticleCheckContext = {
  file: 'chongqing.md',
  sourceLanguage: 'en',
  targetLanguage: 'ca',
  severities: {},
  termsFor: (segment) => (segment.text.includes('Chongqing') ? [{ termId: 'chongqing', source: 'Chongqing', expected: 'Chongqing' }] : []),
};

describe('checkArticle', () => {
  it('runs every check on each aligned pair with its own glossary terms', () => {
    const target = `# Chongqing

El 2021 hi havia 100 centres a Txungking.

El museu obre a migdia.
`;
    expect(checkArticle(segmentsOf(source), segmentsOf(target), context).map((finding) => [finding.line, finding.check, finding.severity])).toEqual([
      [3, 'number', 'error'],
      [3, 'glossary-term', 'error'],
    ]);
  });

  it('reports only an empty translation, not everything it also fails', () => {
    const findings = checkArticle(segmentsOf('Run `make` with 4 jobs in Chongqing.'), segmentsOf('`make`'), context);
    expect(findings.map((finding) => finding.check)).toEqual(['empty']);
  });

  it('stops at one structure finding when a paragraph was added by hand', () => {
    const target = `# Chongqing

El 2021 hi havia 101 centres a Chongqing.

Un paràgraf nou.

El museu obre a migdia.
`;
    expect(checkArticle(segmentsOf(source), segmentsOf(target), context)).toEqual([
      {
        check: 'structure',
        severity: 'error',
        file: 'chongqing.md',
        language: 'ca',
        line: 7,
        message:
          "the output's structure no longer matches the source: the output has 4 segments where the source has 3; the output's paragraph at line 7 is the first without a counterpart. A paragraph added or removed by hand does this; no other check runs on this output until it is re-translated or its structure restored",
        text: 'El museu obre a migdia.',
      },
    ]);
  });

  it('reports a paragraph turned into a heading', () => {
    const target = '# Chongqing\n\n## El 2021 hi havia 101 centres a Chongqing.\n\nEl museu obre a migdia.\n';
    const findings = checkArticle(segmentsOf(source), segmentsOf(target), { ...context, severities: { structure: 'warning' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'structure', severity: 'warning', line: 3 });
    expect(findings[0]?.message).toContain('segment 2 is a paragraph in the source (line 3) but a heading in the output');
  });

  it('reports an output with every segment gone', () => {
    expect(checkArticle(segmentsOf(source), segmentsOf(''), context)).toMatchObject([{ check: 'structure', line: 1, text: '' }]);
  });
});
