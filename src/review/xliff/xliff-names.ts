/** The namespace of XLIFF 2.0 and 2.1 documents (2.1 kept 2.0's). */
export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';

/** XLIFF versions read here: those of `xliffNamespace`. */
export const xliffVersions: readonly string[] = ['2.0', '2.1'];

/** Segment states of XLIFF 2, lowest first. */
export const xliffStates = ['initial', 'translated', 'reviewed', 'final'] as const;

export type XliffState = (typeof xliffStates)[number];

/** The `<unit>` id of a segment: its index in the article, `u0`, `u1`, … */
export function unitId(index: number): string {
  return `u${index}`;
}

/** The segment index a `<unit>` id stands for, if it is one `unitId` writes. */
export function indexOfUnit(id: string): number | undefined {
  const match = /^u(0|[1-9]\d{0,8})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** The namespace of jialing's own attributes: the export's state of each unit, which an import compares against. */
export const jialingXliffNamespace = 'urn:jialing:xliff:1';
