import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkDocuments, type CorpusDefect } from './check-documents.ts';
import type { CorpusDocument } from './collect-readmes.ts';
import type { ReportedProblem } from './detector.ts';
import type { CorpusOutputs } from './read-outputs.ts';

/** What a worker thread checks: its share of the documents, with their outputs. */
export interface CheckJob {
  readonly documents: readonly CorpusDocument[];
  readonly outputs: CorpusOutputs;
  readonly run: { readonly engine: string; readonly problems: readonly ReportedProblem[] };
}

const bootScript = new URL('./check-worker-boot.mjs', import.meta.url);

/**
 * `checkDocuments` spread over a thread per core: parsing markdown is most of the checker's time (about
 * 140 KB/s a thread), and documents are independent. The defects come back in the order of the documents.
 */
export async function checkInWorkers(documents: readonly CorpusDocument[], outputs: CorpusOutputs, run: CheckJob['run'], threads = os.availableParallelism()): Promise<CorpusDefect[]> {
  if (threads <= 1 || documents.length < 2) return checkDocuments(documents, outputs, run);
  // Largest first, dealt round the threads, so that each gets about as many bytes.
  const shares: CorpusDocument[][] = Array.from({ length: Math.min(threads, documents.length) }, () => []);
  [...documents].sort((first, second) => second.text.length - first.text.length).forEach((document, index) => shares[index % shares.length]!.push(document));
  const results = await Promise.all(shares.map((share) => checkInWorker({ documents: share, outputs: outputsOf(outputs, share), run })));
  const order = new Map(documents.map((document, index) => [document.fileName, index]));
  // A stable sort keeps each document's defects in the order its thread found them.
  return results.flat().sort((first, second) => order.get(first.document)! - order.get(second.document)!);
}

function checkInWorker(job: CheckJob): Promise<CorpusDefect[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootScript);
    worker.once('message', (defects: CorpusDefect[]) => {
      resolve(defects);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The checker's worker thread stopped (exit ${code}) before it answered`)));
    worker.postMessage(job);
  });
}

function outputsOf(outputs: CorpusOutputs, documents: readonly CorpusDocument[]): CorpusOutputs {
  return new Map([...outputs].map(([language, texts]) => [language, new Map(documents.map((document) => [document.fileName, texts.get(document.fileName)]))]));
}
