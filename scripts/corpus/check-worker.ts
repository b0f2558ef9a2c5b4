import { parentPort } from 'node:worker_threads';
import { checkDocuments } from './check-documents.ts';
import type { CheckJob } from './check-in-workers.ts';

// One job per worker: check a share of the documents and hand the defects back.
parentPort!.once('message', (job: CheckJob) => {
  parentPort!.postMessage(checkDocuments(job.documents, job.outputs, job.run));
});
