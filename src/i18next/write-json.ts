/** A JSON value to write; a string may carry a mark, whose line the writer records. */
export type OutputNode =
  | { readonly type: 'object'; readonly entries: readonly { readonly key: string; readonly value: OutputNode }[] }
  | { readonly type: 'array'; readonly items: readonly OutputNode[] }
  | { readonly type: 'string'; readonly value: string; readonly mark?: number }
  | { readonly type: 'literal'; readonly raw: string };

/** Writes JSON as `JSON.stringify` would with `indent`, and the line of each marked string. */
export function writeJson(node: OutputNode, indent: string): { readonly text: string; readonly lines: ReadonlyMap<number, number> } {
  const lines = new Map<number, number>();
  let line = 1;
  let text = '';
  const write = (value: OutputNode, depth: number): void => {
    if (value.type === 'string') {
      if (value.mark !== undefined && !lines.has(value.mark)) lines.set(value.mark, line);
      text += JSON.stringify(value.value);
    } else if (value.type === 'literal') text += value.raw;
    else {
      const children = value.type === 'object' ? value.entries : value.items.map((item) => ({ key: undefined, value: item }));
      const [open, close] = value.type === 'object' ? ['{', '}'] : ['[', ']'];
      if (children.length === 0) {
        text += open + close;
        return;
      }
      text += open;
      children.forEach((child, index) => {
        text += `${index > 0 ? ',' : ''}\n${indent.repeat(depth + 1)}`;
        line++;
        if (child.key !== undefined) text += `${JSON.stringify(child.key)}: `;
        write(child.value, depth + 1);
      });
      text += `\n${indent.repeat(depth)}${close}`;
      line++;
    }
  };
  write(node, 0);
  return { text, lines };
}

/** The indentation a JSON file uses: that of its first indented line; two spaces for a file on one line. */
export function detectIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}
