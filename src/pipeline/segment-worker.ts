import { parentPort } from 'node:worker_threads';
import { segmentMarkdown } from '../markdown/segment-markdown.ts';
import { readySignal, type SegmentReply, type SegmentRequest } from './segment-messages.ts';

const port = parentPort!;

port.on('message', ({ id, text, options }: SegmentRequest) => {
  let reply: SegmentReply;
  try {
    reply = { id, extracted: segmentMarkdown(text, options) };
  } catch (error) {
    reply = { id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage(readySignal);
