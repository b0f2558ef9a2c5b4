/** The `<prop type>` each entry field travels in through TMX; `x-` marks a tool's own props in TMX 1.4b. */
export const tmxProps = {
  origin: 'x-jialing-origin',
  status: 'x-jialing-status',
  engineProfile: 'x-jialing-engine-profile',
  glossaryVersion: 'x-jialing-glossary-version',
  articlePath: 'x-jialing-article',
} as const;
