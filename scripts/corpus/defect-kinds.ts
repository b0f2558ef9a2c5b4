/** The defects the checker counts, numbered as in the product's list of known defects. */
export const defectKinds = [
  { id: 'span-edge', number: '1', title: 'span edge moved out of its link or emphasis', isCounted: true },
  { id: 'anchor', number: '2', title: 'in-page link no longer resolves', isCounted: true },
  { id: 'alert', number: '3', title: 'GitHub alert marker changed', isCounted: true },
  { id: 'tilde', number: '4', title: '`~` lost or added', isCounted: true },
  { id: 'url-text', number: '5', title: 'URL, e-mail or domain in text changed', isCounted: true },
  { id: 'link-structure', number: '6', title: 'links nested, left as text or miscounted', isCounted: true },
  { id: 'shortcode', number: '7', title: 'emoji shortcode changed', isCounted: true },
  { id: 'tech-token', number: '8', title: 'file name, package, version or identifier changed', isCounted: true },
  { id: 'broken-reply', number: '10', title: 'inline code, HTML or URL lost or duplicated', isCounted: true },
  { id: 'bytes', number: '11', title: 'copy engine: output not byte-identical', isCounted: true },
  // Rendering the same follows from byte identity; it is reported beside it, not counted twice.
  { id: 'render', number: '11', title: 'copy engine: output renders differently', isCounted: false },
  { id: 'missing', number: '', title: 'no output written', isCounted: true },
] as const;

/** One kind of defect, by id. */
export type DefectKind = (typeof defectKinds)[number]['id'];

/** Whether a kind counts against a document being free of defects. */
export function isCountedKind(kind: DefectKind): boolean {
  return defectKinds.some((entry) => entry.id === kind && entry.isCounted);
}
