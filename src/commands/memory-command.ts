import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.ts';
import { checkExportPath } from '../io/check-export-path.ts';
import { writeFileAtomic } from '../io/write-atomic.ts';

/** `jialing memory export|import|migrate|copy`: exchange the memory as TMX 1.4b, set up a database, move a memory. */
export function addMemoryCommand(program: Command): void {
  const memory = program.command('memory').description('Exchange the translation memory with CAT tools (TMX 1.4b), set up its database, move it');

  memory
    .command('export')
    .description('Write the memory as TMX to a file or stdout')
    .argument('[file]', 'file to write; stdout when absent')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .addOption(new Option('--format <format>', 'exchange format').choices(['tmx']).default('tmx'))
    .option('-l, --lang <code>', 'only this target language')
    .action(async (file: string | undefined, flags: { config?: string; lang?: string }) => {
      const [{ loadConfig }, { openMemory }, { exportTmx }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/open-memory.ts'),
        import('../memory/tmx-export.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      if (file) await checkExportPath(file, { name: 'TMX', extensions: ['.tmx', '.xml'] }, config);
      const opened = await openMemory(config);
      try {
        const content = await exportTmx(opened, { sourceLanguage: config.sourceLanguage, targetLanguage: flags.lang });
        if (file) await writeFileAtomic(path.resolve(file), content);
        else process.stdout.write(content);
      } finally {
        await opened.close();
      }
    });

  memory
    .command('import')
    .description('Add the units of a TMX file to the memory; a malformed or hostile file imports nothing')
    .argument('<file>', 'TMX file')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .action(async (file: string, flags: { config?: string }) => {
      const [{ loadConfig }, { openMemory }, { importTmx }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/open-memory.ts'),
        import('../memory/tmx-import.ts'),
      ]);
      const config = await loadConfig(flags.config, process.cwd());
      const content = await readFile(path.resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
      });
      const opened = await openMemory(config);
      try {
        const result = await importTmx(opened, content, { sourceLanguage: config.sourceLanguage, file });
        process.stderr.write(`Imported ${result.imported} translation units from ${file}${result.skipped ? `, skipped ${result.skipped}` : ''}.\n`);
        for (const problem of result.problems) process.stderr.write(`warning: ${problem}\n`);
      } finally {
        await opened.close();
      }
    });

  memory
    .command('migrate')
    .description('Create or update the memory\'s schema (a PostgreSQL memory needs this once per jialing update; runs never do it)')
    .argument('[memory]', 'SQLite file, postgres:// URL, or env:NAME for a URL in an environment variable; default: the config\'s memory')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .action(async (argument: string | undefined, flags: { config?: string }) => {
      const [{ loadConfig }, { parseMemoryLocation }, { describeMemory }, { migrateMemory }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/memory-location.ts'),
        import('../memory/open-memory.ts'),
        import('../memory/migrate-memory.ts'),
      ]);
      const location = argument ? parseMemoryLocation(argument, process.cwd()) : (await loadConfig(flags.config, process.cwd())).memory;
      const { from, to } = await migrateMemory(location);
      const where = describeMemory(location);
      process.stderr.write(from === to ? `The memory ${where} is up to date (schema version ${to}).\n` : `Migrated the memory ${where} from schema version ${from} to ${to}.\n`);
    });

  memory
    .command('copy')
    .description('Copy a whole memory (entries, reviewed status, history, recorded outputs) into an empty one and check the counts')
    .option('--from <memory>', 'SQLite file, postgres:// URL, or env:NAME for a URL in an environment variable; default: the config\'s memory')
    .option('--to <memory>', 'same forms as --from; default: the config\'s memory')
    .option('-c, --config <file>', 'config file; default: pipeline.config.* in the working folder')
    .action(async (flags: { from?: string; to?: string; config?: string }) => {
      if (!flags.from && !flags.to) throw new UsageError('memory copy needs --from, --to or both (the one left out is the config\'s memory).');
      const [{ loadConfig }, { parseMemoryLocation }, { hasMemory, openMemoryAt }, { copyMemory, describeTally }] = await Promise.all([
        import('../config/load-config.ts'),
        import('../memory/memory-location.ts'),
        import('../memory/open-memory.ts'),
        import('../memory/copy-memory.ts'),
      ]);
      const configured = flags.from && flags.to ? undefined : (await loadConfig(flags.config, process.cwd())).memory;
      const from = flags.from ? parseMemoryLocation(flags.from, process.cwd()) : configured!;
      const to = flags.to ? parseMemoryLocation(flags.to, process.cwd()) : configured!;
      // Opening a SQLite file creates it: a mistyped --from would copy an empty memory and report success.
      if (from.kind === 'sqlite' && !(await hasMemory({ memory: from }))) {
        throw new UsageError(`memory copy: there is no memory at ${from.file} to copy from.`, {
          hint: flags.from ? 'Check the --from path.' : "The config's memory does not exist yet: run `jialing translate` first, or pass --from.",
        });
      }
      const source = await openMemoryAt(from);
      try {
        const target = await openMemoryAt(to);
        try {
          const tally = await copyMemory(source, target);
          process.stderr.write(`Copied ${describeTally(tally)} from ${source.location} to ${target.location}; the counts match.\n`);
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}
