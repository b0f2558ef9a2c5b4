import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EngineError, SetupError } from '../../errors.ts';
import { installHint } from './apertium-pairs.ts';

// `apertium -z` only answers at end of input, so the pair's stages are run directly in null-flush
// mode (the way Apertium's own server does): each NUL-terminated frame is answered as soon as it is
// done, in order. Each segment ends with a full stop of its own, which keeps the segment's final full stop
// from being eaten and ends its last sentence for every stage, so that nothing of one segment reaches into the
// next. The superblank before it keeps it from joining the segment's last word (`etc` + `.` is the word
// `etc.`), and keeps it after an atom that transfer moves to the end.
const segmentEnd = '[].[]';
// The segments of one request share a frame, apart by a superblank no escaped text can contain: every
// stage flushes at each NUL, and a frame per segment costs the pipeline more CPU. As each segment ends a
// sentence, the stages keep the segments of a frame apart (measured on 4262 README paragraphs in eng-spa and
// eng-cat: the translations are those of a frame per segment).
const segmentBreak = '[<next/>]';

// The shell asks `apertium-wblank-mode` for the stages and runs them, so the pipeline starts loading its
// dictionaries the moment it is spawned, however busy this process is with reading articles meanwhile.
// The stages read the unknown-word flag as $1 (`-n`: no `*` marks) and the tagger's as $2. A missing mode
// file is checked first: `apertium-wblank-mode` would answer it with a pipeline of nothing.
// An HMM tagger (`apertium-tagger -g`; the perceptron's `-gx` has no such state) narrows its class of tags for
// unknown words for good when it meets a word whose tags it was not trained on ("I", "included"), so a segment's
// tagging would depend on the segments before it in the pipeline's life. It runs under a guard ($3, told the
// break between segments $4) that gives each segment a tagger in the state a fresh one would be in (see
// tagger-guard.pl); `-d` makes the tagger report those words.
const startStages = [
  '[ -r "$0" ] || { echo "cannot read $0" >&2; exit 1; }',
  'guard=$3 separator=$4',
  'guarded_tagger() { perl -- "$guard" "$separator" apertium-tagger -d "$@"; }',
  'stages=$(apertium-wblank-mode -z "$0") && eval "${stages//apertium-tagger -z -g /guarded_tagger -z -g }"',
].join('; ');
const taggerGuard = fileURLToPath(new URL('./tagger-guard.pl', import.meta.url));

// bash's exit code when a stage's program is not installed.
const commandNotFound = 127;

// Each pipeline runs in a process group of its own, which the terminal's Ctrl-C does not reach: pipelines
// still running when this process exits (a second Ctrl-C) are stopped rather than left translating for no one.
const running = new Set<ApertiumProcess>();
process.on('exit', () => {
  for (const pipeline of running) pipeline.stop();
});

/** A long-lived Apertium pipeline for one pair, answering segments in the order they were sent. */
export class ApertiumProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #pending: { resolve: (text: string) => void; reject: (error: Error) => void }[] = [];
  #buffer = '';
  #failure?: Error;

  /** `preload`: a library every stage is started with (LD_PRELOAD), such as the integer-scan library. */
  constructor(readonly pair: string, modeFile: string, { preload }: { readonly preload?: string } = {}) {
    const env = preload ? { ...process.env, LD_PRELOAD: [preload, process.env.LD_PRELOAD].filter(Boolean).join(' ') } : process.env;
    // In a process group of its own, so that closing can end every stage at once (see `running`).
    this.#child = spawn('bash', ['-c', startStages, modeFile, '-n', '', taggerGuard, segmentBreak], { stdio: 'pipe', detached: true, env });
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (chunk: string) => this.#receive(chunk));
    let stderr = '';
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (chunk: string) => (stderr += chunk));
    this.#child.stdin.on('error', () => {});
    running.add(this);
    // Recorded even when idle: a later request must fail at once rather than wait on a dead pipe.
    this.#child.on('exit', (code) => {
      running.delete(this);
      const message = stderr.trim().slice(0, 300) || 'no message';
      this.#fail(
        code === commandNotFound
          ? new SetupError(`Apertium pair ${pair} cannot run, a program of its pipeline is missing: ${message}`, { hint: installHint })
          : new EngineError(`Apertium pair ${pair} stopped (exit code ${code}): ${message}`),
      );
    });
    this.#child.on('error', (error) => this.#fail(new EngineError(`Apertium pair ${pair} could not start: ${error.message}`, { cause: error })));
  }

  /** Translates segments in Apertium stream format; resolves with the replies in stream format, in order. */
  async translate(streams: readonly string[]): Promise<string[]> {
    if (streams.length === 0) return [];
    const reply = await this.#send(streams.map((stream) => `${stream}${segmentEnd}`).join(segmentBreak));
    const replies = reply.split(segmentBreak);
    if (replies.length === streams.length) return replies.map(stripSegmentEnd);
    // A pair that moved or dropped the break gets a frame per segment, which always answers one to one.
    return Promise.all(streams.map(async (stream) => stripSegmentEnd(await this.#send(`${stream}${segmentEnd}`))));
  }

  #send(frame: string): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#child.stdin.write(`${frame}\0`);
    });
  }

  /** Ends the pipeline's processes and waits for its shell; the stages, stopped with it, end a moment later. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end();
    // With nothing left to answer, the stages are stopped rather than left to tear down their dictionaries
    // one after the other, which takes some 60 ms; a frame still on its way is answered first.
    if (this.#pending.length === 0) this.stop();
    await exited;
  }

  /** Stops every stage of the pipeline at once, whatever it is doing. */
  stop(): void {
    if (this.#child.pid === undefined) return;
    try {
      process.kill(-this.#child.pid, 'SIGTERM');
    } catch {
      // The group has ended already.
    }
  }

  #receive(chunk: string): void {
    this.#buffer += chunk;
    for (let end = this.#buffer.indexOf('\0'); end !== -1; end = this.#buffer.indexOf('\0')) {
      const reply = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      // Each stage flushes once more at end of input: those empty frames answer nothing.
      this.#pending.shift()?.resolve(reply);
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#pending.splice(0)) waiting.reject(error);
  }
}

function stripSegmentEnd(reply: string): string {
  let trimmed = reply.endsWith('[]') ? reply.slice(0, -2) : reply;
  trimmed = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  return trimmed.endsWith('[]') ? trimmed.slice(0, -2) : trimmed;
}
