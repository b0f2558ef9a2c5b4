/** The exchange formats a glossary can be exported to and imported from. */
export const glossaryFormats = ['csv', 'tbx'] as const;

/** One of `glossaryFormats`. */
export type GlossaryFormat = (typeof glossaryFormats)[number];
