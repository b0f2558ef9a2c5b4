import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { segmentMarkdown } from '../markdown/segment-markdown.ts';
import { readySignal, type SegmentReply, type SegmentRequest } from './segment-messages.ts';

const port = parentPort!;
// Parsing runs ahead of the articles being translated and can wait: the engine's own processes (Apertium's
// pipeline) and the thread that answers engine requests come first when the cores are all busy. An engine
// working on the run's own thread (copy, pseudo) has no such need, and a thread that gave way there only left
// the run waiting for its articles.
const backgroundPriority = 10;
let hasGivenWay = false;

port.on('message', ({ id, text, options, givesWay }: SegmentRequest) => {
  if (givesWay && !hasGivenWay) {
    hasGivenWay = true;
    lowerThreadPriority();
  }
  let reply: SegmentReply;
  try {
    reply = { id, extracted: segmentMarkdown(text, options) };
  } catch (error) {
    // Name and message only: a stack is for a bug report, never for the person running jialing.
    reply = { id, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage(readySignal);

// Linux names the calling thread's id in /proc/thread-self, and a thread id sets that thread's priority alone;
// elsewhere the thread keeps the process's priority.
function lowerThreadPriority(): void {
  try {
    os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), backgroundPriority);
  } catch {
    // Only ever a way to go faster.
  }
}
