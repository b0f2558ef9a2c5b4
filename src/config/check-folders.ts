import { isInside } from '../io/is-inside.ts';

/** The folders a run reads and writes, absolute, with one output folder per target language. */
export interface RunFolders {
  readonly articles: { readonly dir: string; readonly setting: string };
  readonly outputs: readonly { readonly language: string; readonly dir: string }[];
  readonly outputSetting: string;
}

/**
 * Refuses an output folder that is, holds or lies inside the articles folder: outputs would be read back as
 * sources on the next run (the tree doubling each time), or sources overwritten by their translations.
 */
export function checkFolders(folders: RunFolders): string[] {
  const { articles, outputs, outputSetting } = folders;
  const problems: string[] = [];
  for (const { language, dir } of outputs) {
    const relation = relationOf(dir, articles.dir);
    if (!relation) continue;
    problems.push(`output: "${outputSetting}" puts the "${language}" outputs (${dir}) ${relation} the articles folder "${articles.setting}" (${articles.dir}); expected a folder apart from it, such as "articles/{lang}" beside "articles/en"`);
    // One message says it; the same clash for every language adds nothing.
    break;
  }
  return problems;
}

function relationOf(dir: string, articlesDir: string): string | undefined {
  if (dir === articlesDir) return 'in';
  if (isInside(dir, articlesDir)) return 'inside';
  if (isInside(articlesDir, dir)) return 'around';
  return undefined;
}
