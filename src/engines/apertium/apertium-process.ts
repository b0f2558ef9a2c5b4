import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EngineError, SetupError } from '../../errors.ts';
import { installHint } from './apertium-pairs.ts';

// `apertium -z` only answers at end of input, so the pair's stages are run directly in null-flush
// mode (the way Apertium's own server does): each NUL-terminated frame is answered as soon as it is
// done, in order. The trailing `.[]` keeps a segment's own final full stop from being eaten.
const segmentEnd = '.[]';
// The segments of one request share a frame, apart by a superblank no escaped text can contain: every
// stage flushes at each NUL, and a frame per segment costs the pipeline about a tenth more CPU. Measured on
// the sample articles and a 1497-segment corpus in eng-spa and eng-cat, the translations are the same.
const segmentBreak = '[<next/>]';

// The shell asks `apertium-wblank-mode` for the stages and runs them, so the pipeline starts loading its
// dictionaries the moment it is spawned, however busy this process is with reading articles meanwhile.
// The stages read the unknown-word flag as $1 (`-n`: no `*` marks) and the tagger's as $2. A missing mode
// file is checked first: `apertium-wblank-mode` would answer it with a pipeline of nothing.
const startStages = '[ -r "$0" ] || { echo "cannot read $0" >&2; exit 1; }; stages=$(apertium-wblank-mode -z "$0") && eval "$stages"';

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

  constructor(readonly pair: string, modeFile: string) {
    // In a process group of its own, so that closing can end every stage at once (see `running`).
    this.#child = spawn('bash', ['-c', startStages, modeFile, '-n', ''], { stdio: 'pipe', detached: true });
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

  /** Ends the pipeline's processes and waits for them. */
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
  const trimmed = reply.endsWith('[]') ? reply.slice(0, -2) : reply;
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}
