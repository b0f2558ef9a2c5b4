import { describe, expect, it } from 'vitest';
import { mayHoldFragmentLink } from '../../src/anchors/may-hold-fragment-link.ts';

describe('mayHoldFragmentLink', () => {
  it('says no for a document whose only # open headings', () => {
    expect(mayHoldFragmentLink('# Guide\n\n## Options\n\n   ### Indented\n\nText with [a link](https://example.com).\n')).toBe(false);
  });

  it('says yes for a link with a fragment, in-page or to another page', () => {
    expect(mayHoldFragmentLink('## Options\n\nSee [options](#options).\n')).toBe(true);
    expect(mayHoldFragmentLink('See [setup](setup.md#install).\n')).toBe(true);
    expect(mayHoldFragmentLink('[options]: #options\n')).toBe(true);
  });

  it('says yes, wrongly but safely, for any other #', () => {
    expect(mayHoldFragmentLink('Written in C#.\n')).toBe(true);
  });
});
