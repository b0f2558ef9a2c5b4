import { z } from 'zod';
import { protectRuleNames } from '../markdown/protect/protect-rules.ts';
import { engineChoices } from './engine-choices.ts';

const languageCode = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language code such as "es", "pt-BR" or "en-XA"');

// In a module of their own so that the command line can offer them without loading zod.

/**
 * How in-page links follow translated headings: `github` rewrites them to the slugs GitHub gives the translated
 * headings; `keep` never rewrites, for sites whose headings carry explicit ids.
 */
export const anchorStyles = ['github', 'keep'] as const;
export type AnchorStyle = (typeof anchorStyles)[number];

const engineName = z.enum(engineChoices, { error: () => `expected one of ${engineChoices.map((name) => `"${name}"`).join(', ')}` });

/** How the LLM engine asks for JSON: `auto` starts with a JSON schema and steps down when the server refuses it with a 400. */
export const llmResponseFormats = ['auto', 'json_schema', 'json_object', 'prompt'] as const;
export type LlmResponseFormat = (typeof llmResponseFormats)[number];

const llmSchema = z
  .object({
    /** The API's base URL (default OpenAI's); `OPENAI_BASE_URL` overrides it. */
    baseURL: z.url({ protocol: /^https?$/, hostname: /./, error: 'expected an http or https URL such as "http://127.0.0.1:11434/v1"' }).optional(),
    /** The model to ask, as the server names it (`gpt-4.1-mini`, `qwen2.5:7b`, an Azure deployment). */
    model: z.string().min(1).optional(),
    /** Name of the environment variable holding the key; a local server needs none. */
    apiKeyVariable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name such as "OPENAI_API_KEY"').default('OPENAI_API_KEY'),
    /** Sampling temperature; 0 gives the most repeatable translations. */
    temperature: z.number().min(0).max(2).default(0),
    /** Requests in flight at once. */
    concurrency: z.number().int().min(1).max(64).default(4),
    /** Requests started per second at most. */
    requestsPerSecond: z.number().positive().optional(),
    /** Seconds before a request is given up (models are slow: a full request can take a minute). */
    timeoutSeconds: z.number().positive().default(120),
    /** Attempts per request, the first included, for 429, 5xx, timeouts and dropped connections. */
    attempts: z.number().int().min(1).max(20).default(5),
    /** Tries per segment whose reply fails the checks, the first included, before its source is kept. */
    replyAttempts: z.number().int().min(1).max(10).default(3),
    /** Most segments in one request. */
    maxTextsPerRequest: z.number().int().min(1).max(500).default(40),
    /** Most characters of segment text (UTF-8 bytes of tagged text) in one request. */
    maxCharactersPerRequest: z.number().int().min(100).default(8000),
    /** Segments before and after each segment sent as context. */
    contextSegments: z.number().int().min(0).max(5).default(1),
    /** How to ask for JSON. */
    responseFormat: z.enum(llmResponseFormats, { error: () => `expected one of ${llmResponseFormats.map((name) => `"${name}"`).join(', ')}` }).default('auto'),
    /** Price per million tokens, in any currency, to report the cost of a run. */
    prices: z.object({ promptPerMillion: z.number().min(0), completionPerMillion: z.number().min(0) }).strict().optional(),
    /** Style guide per target language (`default` for all): tone, formality, audience, and example translations. */
    languages: z
      .record(
        z.string(),
        z
          .object({
            style: z.string().min(1).optional(),
            examples: z.array(z.object({ source: z.string().min(1), target: z.string().min(1) }).strict()).default([]),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

/**
 * The config file's shape: the single source of truth for options, defaults and their docs.
 * Every key is optional in the file; defaults are applied here.
 */
export const configSchema = z
  .object({
    /** Language the articles are written in. */
    sourceLanguage: languageCode.default('en'),
    /** Languages to translate into. */
    targetLanguages: z.array(languageCode).min(1, 'expected at least one target language').default(['es', 'ca']),
    /** Folder of source articles, searched recursively for `*.md`. */
    articles: z.string().min(1).default('articles/en'),
    /** Output folder per language; must contain `{lang}`. */
    output: z
      .string()
      .min(1)
      .refine((value) => value.includes('{lang}'), 'expected a path containing "{lang}", such as "articles/{lang}"')
      .default('articles/{lang}'),
    /** Folder of i18next resources: `{lang}/{namespace}.json`. */
    locales: z.string().min(1).default('locales'),
    /** Engine for every language, or a map per language with a `default`. */
    engine: z
      .union([engineName, z.record(z.string(), engineName)], {
        error: () => `expected an engine name (${engineChoices.join(', ')}) or a map per language such as { es: "apertium", default: "deepl" }`,
      })
      .default('apertium'),
    /** How links to a heading (`#options`, `guide.md#options`) follow the heading's translation. */
    anchors: z.enum(anchorStyles, { error: () => `expected one of ${anchorStyles.map((name) => `"${name}"`).join(', ')}` }).default('github'),
    /** Frontmatter keys whose values get translated. */
    frontmatter: z.array(z.string().min(1)).default(['title', 'description']),
    /**
     * Translation memory: a SQLite file (the default), a `postgres://` URL, or `{ url: { env: 'JIALING_DATABASE_URL' } }`
     * so that the credentials come from the environment and never sit in the config.
     */
    memory: z
      .union([z.string().min(1), z.object({ url: z.union([z.string().regex(/^postgres(ql)?:\/\//i, 'expected a postgres:// URL'), z.object({ env: z.string().min(1) }).strict()]) }).strict()], {
        error: () => 'expected a file path, a postgres:// URL, or { url: { env: "JIALING_DATABASE_URL" } }',
      })
      .default('.jialing/memory.db'),
    /** Distributed batches (`translate --queue`, `jialing worker`), on the PostgreSQL database of the memory. */
    queue: z
      .object({
        /** Engine requests started per second per engine key, by all workers together; no limit when absent. */
        requestsPerSecond: z.number().positive().optional(),
        /** Tries per job, the first included, before it is dead-lettered. */
        attempts: z.number().int().min(1).max(20).default(3),
        /** Seconds before the first retry of a failed job; each later one waits about twice as long. */
        retryDelaySeconds: z.number().int().min(1).default(10),
        /** Seconds without a sign of life from a job's worker before another worker takes the job over. */
        takeoverSeconds: z.number().int().min(2).default(60),
        /**
         * Seconds `translate --queue` waits while no job of its batch runs or ends (no worker took one) before it
         * cancels the jobs not started and exits 1; it waits as long as it takes when absent.
         */
        waitSeconds: z.number().int().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** Folder for the run report (`report.json`, `report.html`). */
    report: z.string().min(1).default('.jialing/report'),
    /** Quality checks. */
    qa: z
      .object({
        /** Severity per check id, raising or lowering the default (e.g. `{ "length-ratio": "error" }`). */
        severities: z.record(z.string(), z.enum(['error', 'warning'])).default({}),
      })
      .strict()
      .prefault({}),
    /** Similarity (0–1) above which an earlier translation is kept as a suggestion for reviewers. */
    fuzzyThreshold: z.number().min(0.5).max(1).default(0.75),
    /** DeepL options; the key comes from `DEEPL_AUTH_KEY`, never from the config. */
    deepl: z
      .object({
        /** Requests in flight at once. */
        concurrency: z.number().int().min(1).max(32).default(4),
        /** Requests started per second at most (DeepL advises staying under about 50). */
        requestsPerSecond: z.number().positive().optional(),
        /** Attempts per request, the first included, for 429, 5xx and dropped connections. */
        attempts: z.number().int().min(1).max(20).default(5),
        /** Seconds before a request is given up. */
        timeoutSeconds: z.number().positive().default(30),
        /** Send the article's title as DeepL `context` (not billed) so short segments translate well. */
        context: z.boolean().default(true),
        /** Options per target language (`default` applies to all). */
        languages: z
          .record(
            z.string(),
            z
              .object({
                formality: z.enum(['default', 'more', 'less', 'prefer_more', 'prefer_less']).optional(),
                modelType: z.enum(['quality_optimized', 'latency_optimized', 'prefer_quality_optimized']).optional(),
                /** DeepL's own code when it differs from the config's, e.g. `en-GB` for `en`. */
                targetCode: z.string().optional(),
              })
              .strict(),
          )
          .default({}),
      })
      .strict()
      .prefault({}),
    /** The LLM engine: any server that speaks OpenAI's Chat Completions API. */
    llm: llmSchema.prefault({}),
    /** Text no engine may translate, beside code, URLs in markup and HTML, which are always kept. */
    protect: z
      .object({
        /** Words and phrases kept as written wherever they stand alone, e.g. package names such as `cross-env`. */
        words: z.array(z.string().min(1)).default([]),
        /** Regular expressions (JavaScript syntax) whose matches are kept as written. */
        patterns: z
          .array(z.string().min(1).refine(isRegExp, 'expected a valid regular expression (JavaScript syntax, Unicode mode)'))
          .default([]),
        /** Built-in kinds switched off by name, e.g. `{ identifier: false }` (see `protectRules` for the list). */
        rules: z.partialRecord(z.enum(protectRuleNames), z.boolean()).default({}),
      })
      .strict()
      .prefault({}),
    /** i18next resource files translated beside the articles: `{locales}/{sourceLanguage}/{namespace}.json` to `{locales}/{lang}/{namespace}.json`. */
    resources: z
      .object({
        /** Namespaces to translate; every `*.json` of the source language's folder but the glossary when absent. */
        namespaces: z.array(z.string().regex(/^[^/\\]+$/, 'expected a namespace name such as "common", without a folder or ".json"')).optional(),
        /** Keys a target file has that its source lacks: `keep` them (reported) or `remove` them. */
        extraKeys: z.enum(['keep', 'remove']).default('keep'),
        /** i18next's `interpolation` options, when the site changes them. */
        interpolation: z
          .object({
            prefix: z.string().min(1).default('{{'),
            suffix: z.string().min(1).default('}}'),
            nestingPrefix: z.string().min(1).default('$t('),
            nestingSuffix: z.string().min(1).default(')'),
          })
          .strict()
          .prefault({}),
        /** Strings are ICU messages (`i18next-icu`): arguments kept, plural and select branches translated. */
        icu: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Apertium options. */
    apertium: z
      .object({
        /** Apertium pair (`apertium -l`) to use per target language, e.g. `{ ca: "eng-cat_valencia" }`. */
        pairs: z.record(z.string(), z.string().min(1)).default({}),
        /** Start the pipeline's stages with jialing's integer-scan library: the same translations, faster. */
        integerScan: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** What a config file may contain. */
export type UserConfig = z.input<typeof configSchema>;
/** A config file's contents after defaults, before paths are resolved. */
export type ParsedConfig = z.output<typeof configSchema>;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
