import { readFile, rename, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, makeTempDir, removeTempDir, runCli, startCli, writeProject, type CliResult, type StartedCli } from './cli.ts';
import { startDeeplTestServer, type DeeplRecordedRequest, type DeeplTestServer, type DeeplTestServerOptions } from './deepl-test-server.ts';

/** The key the DeepL test server accepts. */
export const deeplKey = 'secret-test-key-123';

/** One language's figures in `translate --json`. */
export interface LanguageFigures {
  readonly engine: string;
  readonly articles: number;
  /** i18next resource files, when the project has any. */
  readonly resources?: number;
  readonly segments: number;
  readonly fromMemory: number;
  /** Segments edited by hand in the outputs, now reviewed. */
  readonly reviewerEdits?: number;
  /** Texts sent to the engine. */
  readonly translated: number;
  readonly characters: number;
  readonly billedCharacters: number;
  readonly failedArticles: number;
  readonly failedSegments: number;
  readonly requests: number;
  readonly seconds: number;
}

/** What `translate --json` prints on stdout. */
export interface TranslateSummary {
  readonly dryRun: boolean;
  readonly articles: number;
  readonly languages: Readonly<Record<string, LanguageFigures>>;
  readonly problems: readonly { readonly severity: string; readonly file: string; readonly language?: string; readonly message: string }[];
}

/** A `translate --json` run: the process's result and, when it printed one, the parsed summary. */
export interface TranslateRun extends CliResult {
  readonly summary?: TranslateSummary;
}

/** One row of `status --json`. */
export interface StatusRow {
  readonly file: string;
  readonly language: string;
  readonly state: 'up-to-date' | 'stale' | 'missing' | 'unreadable';
  readonly segments: number;
  readonly untranslated: number;
  readonly reviewed: number;
  readonly machine: number;
}

export interface DeeplProjectOptions {
  /** Config (JSON) written to `pipeline.config.json`; `engine: "deepl"` unless it says otherwise. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Project files, relative to the project folder. */
  readonly files?: Readonly<Record<string, string>>;
  /** Options of the project's DeepL test server. */
  readonly server?: Omit<DeeplTestServerOptions, 'authKey'>;
  /** The key the server accepts and the CLI is given; `deeplKey` by default. */
  readonly key?: string;
}

/** Generous safety net per CLI run: these tests start many processes on a possibly busy machine. */
const cliTimeoutMs = 150_000;

/**
 * A temporary jialing project translated with `--engine deepl` against its own DeepL test server,
 * with the config in `pipeline.config.json` and the memory at the default `.jialing/memory.db`.
 */
export class DeeplProject {
  readonly dir: string;
  readonly server: DeeplTestServer;
  readonly key: string;

  private constructor(dir: string, server: DeeplTestServer, key: string) {
    this.dir = dir;
    this.server = server;
    this.key = key;
  }

  static async create(options: DeeplProjectOptions = {}): Promise<DeeplProject> {
    const dir = await makeTempDir('jialing-incremental-');
    const key = options.key ?? deeplKey;
    const server = await startDeeplTestServer({ ...options.server, authKey: key });
    const project = new DeeplProject(dir, server, key);
    const config = { sourceLanguage: 'en', targetLanguages: ['de'], engine: 'deepl', ...options.config };
    await project.write({ 'pipeline.config.json': `${JSON.stringify(config, null, 2)}\n`, ...options.files });
    return project;
  }

  get configFile(): string {
    return path.join(this.dir, 'pipeline.config.json');
  }

  /** The memory file at its default place, `.jialing/memory.db` beside the config. */
  get memoryFile(): string {
    return path.join(this.dir, '.jialing', 'memory.db');
  }

  /** What the CLI needs to reach the test server. */
  get env(): Record<string, string> {
    return { DEEPL_AUTH_KEY: this.key, DEEPL_SERVER_URL: this.server.url };
  }

  /** Runs `jialing <command> --config pipeline.config.json …args` in the project. */
  run(command: readonly string[], args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}): Promise<CliResult> {
    return runCli([...command, '--config', this.configFile, ...args], { cwd: this.dir, env: { ...this.env, ...env }, killAfterMs: cliTimeoutMs });
  }

  /** Starts `jialing translate` in the project and hands back the process, to signal it mid-run. */
  start(args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}): StartedCli {
    return startCli(['translate', '--config', this.configFile, ...args], { cwd: this.dir, env: { ...this.env, ...env }, killAfterMs: cliTimeoutMs });
  }

  /** `translate --json …args`, with the summary parsed when stdout holds one. */
  async translate(args: readonly string[] = [], env: Readonly<Record<string, string | undefined>> = {}): Promise<TranslateRun> {
    const result = await this.run(['translate'], ['--json', ...args], env);
    return { ...result, summary: result.stdout.trim() === '' ? undefined : (JSON.parse(result.stdout) as TranslateSummary) };
  }

  /** `translate --json`, which must succeed; throws with the CLI's output otherwise. */
  async translateOk(args: readonly string[] = []): Promise<TranslateSummary> {
    const run = await this.translate(args);
    if (run.code !== 0 || !run.summary) throw new Error(`translate exited ${run.code}:\n${run.stderr}\n${run.stdout}`);
    return run.summary;
  }

  /** `status --json`, rows sorted by file then language; throws if it prints no JSON. */
  async status(args: readonly string[] = []): Promise<{ code: number | null; rows: StatusRow[] }> {
    const result = await this.run(['status'], ['--json', ...args]);
    if (result.stdout.trim() === '') throw new Error(`status printed nothing (exit ${result.code}):\n${result.stderr}`);
    const rows = (JSON.parse(result.stdout) as StatusRow[]).sort((a, b) => a.file.localeCompare(b.file) || a.language.localeCompare(b.language));
    return { code: result.code, rows };
  }

  /** Writes project files, relative to the project folder. */
  write(files: Readonly<Record<string, string>>): Promise<void> {
    return writeProject(this.dir, files);
  }

  read(relativePath: string): Promise<string> {
    return readFile(path.join(this.dir, relativePath), 'utf8');
  }

  /** Moves a project file, creating the folder it goes to. */
  async move(from: string, to: string): Promise<void> {
    await mkdir(path.dirname(path.join(this.dir, to)), { recursive: true });
    await rename(path.join(this.dir, from), path.join(this.dir, to));
  }

  /** Every file under a project folder with its content, by path relative to that folder. */
  async snapshot(folder: string): Promise<Record<string, string>> {
    const root = path.join(this.dir, folder);
    const files = await listFiles(root);
    return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const)));
  }

  /** Files anywhere in the project that look like a temporary file of an atomic write (`.name.hex.tmp`). */
  async temporaryFiles(): Promise<string[]> {
    return (await listFiles(this.dir)).filter((file) => /(^|\/)\.[^/]+\.tmp$/.test(file));
  }

  /** Translation requests the server has seen, in arrival order. */
  translateRequests(): DeeplRecordedRequest[] {
    return this.server.translateRequests();
  }

  /** A point in the server's request log, to ask later what was sent after it. */
  mark(): number {
    return this.server.translateRequests().length;
  }

  /** Every text of every translation request since `mark`, in order, repeats included. */
  textsSentSince(mark: number): string[] {
    return this.server.translateRequests().slice(mark).flatMap((request) => request.texts);
  }

  async dispose(): Promise<void> {
    await this.server.close();
    await removeTempDir(this.dir);
  }
}
