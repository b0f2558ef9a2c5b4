import cliProgress from 'cli-progress';
import type { RunEvent } from '../pipeline/run-report.ts';
import { describeDocuments } from './summary-table.ts';

/** Shows run progress: a bar per language on a terminal, plain lines elsewhere (CI logs). */
export function createProgressReporter(stream: NodeJS.WriteStream, options: { isQuiet: boolean }): { onEvent: (event: RunEvent) => void; stop: () => void } {
  if (options.isQuiet) return { onEvent: () => {}, stop: () => {} };
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream) {
  const multibar = new cliProgress.MultiBar(
    { stream, format: ' {language} [{bar}] {value}/{total} {documents} · {segments} segments', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const segments = new Map<string, number>();
  return {
    onEvent(event: RunEvent) {
      if (event.type === 'start') {
        for (const language of event.languages) bars.set(language, multibar.create(event.articles + event.resources, 0, { language: language.padEnd(5), segments: 0, documents: event.resources > 0 ? 'documents' : 'articles' }));
      } else if (event.type === 'article') {
        segments.set(event.language, (segments.get(event.language) ?? 0) + event.segments);
        bars.get(event.language)?.increment({ segments: segments.get(event.language) });
      } else {
        multibar.log(`${event.problem.severity}: ${event.problem.message}\n`);
      }
    },
    stop: () => multibar.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream) {
  return {
    onEvent(event: RunEvent) {
      if (event.type === 'start') stream.write(`Translating ${describeDocuments(event.articles, event.resources)} into ${event.languages.join(', ')}\n`);
      else if (event.type === 'article') stream.write(`${event.language}  ${event.file}  ${event.segments} segments${event.isOk ? '' : '  FAILED'}${event.editsFrom ? `  with hand edits from ${event.editsFrom.join(', ')}` : ''}\n`);
      else stream.write(`${event.problem.severity}: ${event.problem.message}\n`);
    },
    stop: () => {},
  };
}
