import { parentPort } from 'node:worker_threads';
import { segmentMarkdown } from '../markdown/segment-markdown.ts';
import { readySignal, type SegmentReply, type SegmentRequest } from './segment-messages.ts';

const port = parentPort!;

port.on('message', ({ id, text, options }: SegmentRequest) => {
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
