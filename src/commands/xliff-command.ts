import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { chooseLanguages } from '../config/choose-languages.ts';
import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { XliffImportResult } from '../review/xliff/import-xliff.ts';
import { XliffError } from '../review/xliff/xliff-error.ts';
import { withProjectOptions } from './config-options.ts';
import { parseLanguages } from './parse-languages.ts';
import { checkOutFolder } from '../io/check-out-folder.ts';
import { isInside } from '../io/is-inside.ts';

/** `jialing xliff export|import`: hand translations to reviewers' CAT tools as XLIFF 2.1 and take their corrections back. */
export function addXliffCommand(program: Command): void {
  const xliff = program.command('xliff').description('Exchange translations with CAT tools as XLIFF 2.1, one file per article and language');

  withProjectOptions(xliff.command('export'))
    .description('Write {out}/{lang}/{article}.xlf per article and language: segments with inline codes, glossary terms and QA findings as notes, and state')
    .option('-a, --article <path>', 'only this article or resource file (as `jialing status` lists it, or its path)')
    .option('-o, --out <dir>', 'folder to write to; default: .jialing/xliff next to the config file')
    .option('--json', 'print the files written as JSON on stdout')
    .action(async (flags: { config?: string; lang?: string; article?: string; out?: string; json?: boolean }) => {
      const [{ loadConfig }, { ReviewWorkspace }, { exportXliff }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../review/review-workspace.ts'),
        import('../review/xliff/export-xliff.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const languages = chooseLanguages(config, parseLanguages(flags.lang));
      if (flags.out !== undefined) await checkOutFolder(flags.out, ['.xlf', '.xliff']);
      const workspace = await ReviewWorkspace.open(config, { env: process.env });
      try {
        const articles = flags.article ? [articleOf(flags.article, config)] : (await workspace.listArticles()).map((article) => article.file);
        const outDir = path.resolve(flags.out ?? path.join(path.dirname(config.configFile), '.jialing', 'xliff'));
        const written = await exportXliff(workspace, { sourceLanguage: config.sourceLanguage, languages, articles, outDir, project: config });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ files: written }, null, 2)}\n`);
        } else {
          for (const file of written) {
            process.stdout.write(`${file.language}  ${file.article} → ${path.relative(process.cwd(), file.path)}  (${file.units} units: ${file.translated} translated, ${file.reviewed} reviewed)\n`);
          }
          process.stderr.write(`Wrote ${written.length} XLIFF ${written.length === 1 ? 'file' : 'files'}.\n`);
        }
      } finally {
        await workspace.close();
      }
    });

  xliff
    .command('import')
    .description('Store the translations of XLIFF files as reviewed and rewrite the articles; a file with any problem imports nothing (exit 1)')
    .argument('<paths...>', 'XLIFF files written by `jialing xliff export` and edited in a CAT tool, or folders of them')
    .option('-c, --config <file>', 'config file (.ts, .mjs, .js or .json); default: pipeline.config.* in the working folder')
    .option('--force', 'store changed targets even where the translation changed in the project since the export')
    .option('--json', 'print what each file did as JSON on stdout')
    .action(async (paths: string[], flags: { config?: string; force?: boolean; json?: boolean }) => {
      const [{ loadConfig }, { ReviewWorkspace }, { importXliffFile }, { findXliffFiles }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../review/review-workspace.ts'),
        import('../review/xliff/import-xliff.ts'),
        import('../review/xliff/find-xliff-files.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const files = await findXliffFiles(paths);
      const imported: XliffImportResult[] = [];
      const rejected: XliffError[] = [];
      const workspace = await ReviewWorkspace.open(config, { env: process.env });
      try {
        for (const file of files) {
          try {
            imported.push(await importXliffFile(workspace, config, file, { force: flags.force }));
          } catch (error) {
            if (!(error instanceof XliffError)) throw error;
            rejected.push(error);
          }
        }
      } finally {
        await workspace.close();
      }
      if (flags.json) {
        const rejectedJson = rejected.map((error) => ({ file: error.file, message: error.message, hint: error.hint, problems: error.problems }));
        process.stdout.write(`${JSON.stringify({ imported, rejected: rejectedJson }, null, 2)}\n`);
      } else {
        for (const result of imported) {
          process.stdout.write(`${result.file}: ${result.language}/${result.article}: ${result.saved} saved as reviewed, ${result.unchanged} unchanged\n`);
          for (const skipped of result.notImported) process.stderr.write(`warning: ${result.file}: unit "${skipped.unit}": ${skipped.reason}\n`);
        }
        for (const error of rejected) process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
      }
      process.exitCode = rejected.length > 0 ? 1 : 0;
    });
}

/**
 * The document a `--article` value names: a path to the source file (an article, or a resource file of the source
 * language), or its name as `jialing status` lists it (relative to the articles folder or the source locale folder).
 */
function articleOf(value: string, config: ResolvedConfig): string {
  const absolute = path.resolve(value);
  const folders = [config.articlesDir, path.join(config.localesDir, config.sourceLanguage)];
  const folder = existsSync(absolute) ? folders.find((candidate) => isInside(absolute, candidate)) : undefined;
  return (folder ? path.relative(folder, absolute) : value).split(path.sep).join('/');
}
