import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir, removeTempDir, runCli, writeProject, type CliResult } from './cli.ts';
import type { TranslateSummary } from './deepl-project.ts';
import { startOpenAiTestServer, type OpenAiTestServer, type OpenAiTestServerOptions } from './openai-test-server.ts';
import { copySampleSources } from './sample-sources.ts';

/** The key the project's server accepts. */
export const llmKey = 'sk-test-llm-key-98765';

/** `translate --json`'s figures of one language, with the LLM engine's token figures. */
export type LlmFigures = TranslateSummary['languages'][string] & { readonly promptTokens?: number; readonly completionTokens?: number; readonly cost?: number };

export interface LlmRun extends CliResult {
  readonly summary?: Omit<TranslateSummary, 'languages'> & { readonly languages: Readonly<Record<string, LlmFigures>>; readonly findings: readonly { severity: string }[] };
}

export interface LlmProjectOptions {
  /** Config written to `pipeline.config.json`, over `engine: "llm"` with the model `test-model`. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly files?: Readonly<Record<string, string>>;
  /** Copy the repository's sample articles and glossary into the project. */
  readonly withSamples?: boolean;
  readonly server?: Omit<OpenAiTestServerOptions, 'apiKey'>;
}

/** A temporary project translated with the LLM engine against its own OpenAI-compatible test server. */
export class LlmProject {
  readonly dir: string;
  readonly server: OpenAiTestServer;

  private constructor(dir: string, server: OpenAiTestServer) {
    this.dir = dir;
    this.server = server;
  }

  static async create(options: LlmProjectOptions = {}): Promise<LlmProject> {
    const dir = await makeTempDir('jialing-llm-');
    const server = await startOpenAiTestServer({ ...options.server, apiKey: llmKey });
    if (options.withSamples) {
      await copySampleSources(dir);
    }
    const project = new LlmProject(dir, server);
    await project.writeConfig(options.config ?? {});
    if (options.files) await writeProject(dir, options.files);
    return project;
  }

  /** Writes `pipeline.config.json` anew: `engine: "llm"`, `llm.model: "test-model"`, then `config` over them. */
  writeConfig(config: Readonly<Record<string, unknown>>): Promise<void> {
    const { llm, ...rest } = config as { llm?: object };
    const full = { sourceLanguage: 'en', targetLanguages: ['es'], engine: 'llm', ...rest, llm: { model: 'test-model', ...llm } };
    return writeProject(this.dir, { 'pipeline.config.json': `${JSON.stringify(full, null, 2)}\n` });
  }

  /** What the CLI needs to reach the server. */
  get env(): Record<string, string> {
    return { OPENAI_API_KEY: llmKey, OPENAI_BASE_URL: this.server.url };
  }

  /** Runs `jialing <command> --config pipeline.config.json …args`. */
  run(command: readonly string[], args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}): Promise<CliResult> {
    return runCli([...command, '--config', path.join(this.dir, 'pipeline.config.json'), ...args], { cwd: this.dir, env: { ...this.env, ...env }, killAfterMs: 150_000 });
  }

  /** `translate --json …args`, with the summary parsed when stdout holds one. */
  async translate(args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}): Promise<LlmRun> {
    const result = await this.run(['translate'], ['--json', ...args], env);
    return { ...result, summary: result.stdout.trim() === '' ? undefined : JSON.parse(result.stdout) };
  }

  read(relativePath: string): Promise<string> {
    return readFile(path.join(this.dir, relativePath), 'utf8');
  }

  /** Every text of every chat request since request number `mark`, in order. */
  textsSentSince(mark: number): string[] {
    return this.server.requests.slice(mark).flatMap((request) => request.texts);
  }

  async dispose(): Promise<void> {
    await this.server.close();
    await removeTempDir(this.dir);
  }
}
