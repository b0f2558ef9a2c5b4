import path from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import type { ProtectRuleName } from '../markdown/protect/protect-rules.ts';
import type { SegmentOptions } from '../markdown/segment-options.ts';
import { isPostgresUrl } from '../memory/postgres/mask-password.ts';
import { resolveMemoryLocation, type MemoryLocation } from '../memory/memory-location.ts';
import { checkFolders } from './check-folders.ts';
import type { ResourceSyntax } from '../i18next/resource-syntax.ts';
import type { EngineChoice } from './engine-choices.ts';
import { configSchema, type AnchorStyle, type ParsedConfig } from './schema.ts';

/** Queue settings with their defaults applied. */
export type QueueSettings = ParsedConfig['queue'];

/** The config the pipeline works with: defaults applied, paths absolute, engine chosen per language. */
export interface ResolvedConfig {
  readonly configFile: string;
  readonly sourceLanguage: string;
  readonly targetLanguages: readonly string[];
  readonly articlesDir: string;
  /** Absolute output folder with `{lang}` still in it. */
  readonly outputPattern: string;
  readonly localesDir: string;
  readonly engineByLanguage: Readonly<Record<string, EngineChoice>>;
  readonly frontmatterKeys: readonly string[];
  /** How articles are split into segments: frontmatter keys and the text kept from engines. */
  readonly segmentOptions: SegmentOptions;
  /** How links to headings follow the headings' translations. */
  readonly anchors: AnchorStyle;
  readonly apertiumPairs: Readonly<Record<string, string>>;
  readonly apertiumIntegerScan: boolean;
  readonly deepl: ParsedConfig['deepl'];
  readonly llm: ParsedConfig['llm'];
  /** The SQLite memory file; for a PostgreSQL memory, where `memory` points instead. */
  readonly memoryFile: string;
  readonly memory: MemoryLocation;
  readonly reportDir: string;
  /** Distributed batches: shared request rate, retries and takeover of a dead worker's job. */
  readonly queue: QueueSettings;
  readonly qaSeverities: ParsedConfig['qa']['severities'];
  readonly fuzzyThreshold: number;
  /** i18next resource files: which namespaces (all but the glossary when absent), how placeholders are written, what happens to extra keys. */
  readonly resources: { readonly namespaces?: readonly string[]; readonly extraKeys: 'keep' | 'remove'; readonly syntax: ResourceSyntax };
}

/** Validates raw config data and resolves it against the config file's folder; throws one `ConfigError` listing every problem. */
export function resolveConfig(raw: unknown, configFile: string): ResolvedConfig {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw configProblems(configFile, parsed.error.issues.map(describeIssue));

  const config = parsed.data;
  const problems = checkLanguages(config);
  const root = path.dirname(configFile);
  const articlesDir = path.resolve(root, config.articles);
  const outputPattern = path.resolve(root, config.output);
  problems.push(
    ...checkFolders({
      articles: { dir: articlesDir, setting: config.articles },
      outputs: config.targetLanguages.map((language) => ({ language, dir: outputFolder(outputPattern, language) })),
      outputSetting: config.output,
    }),
  );
  if (problems.length > 0) throw configProblems(configFile, problems);

  return {
    configFile,
    sourceLanguage: config.sourceLanguage,
    targetLanguages: config.targetLanguages,
    articlesDir,
    outputPattern,
    localesDir: path.resolve(root, config.locales),
    engineByLanguage: Object.fromEntries(config.targetLanguages.map((lang) => [lang, engineFor(config.engine, lang)!])),
    frontmatterKeys: config.frontmatter,
    segmentOptions: {
      frontmatterKeys: config.frontmatter,
      protect: { ...config.protect, off: Object.keys(config.protect.rules).filter((name) => config.protect.rules[name as ProtectRuleName] === false) },
    },
    anchors: config.anchors,
    apertiumPairs: config.apertium.pairs,
    apertiumIntegerScan: config.apertium.integerScan,
    deepl: config.deepl,
    llm: config.llm,
    memoryFile: typeof config.memory === 'string' && !isPostgresUrl(config.memory) ? path.resolve(root, config.memory) : path.resolve(root, '.jialing/memory.db'),
    memory: resolveMemoryLocation(config.memory, root),
    reportDir: path.resolve(root, config.report),
    queue: config.queue,
    qaSeverities: config.qa.severities,
    fuzzyThreshold: config.fuzzyThreshold,
    resources: {
      ...(config.resources.namespaces && { namespaces: config.resources.namespaces.map((name) => name.replace(/\.json$/, '')) }),
      extraKeys: config.resources.extraKeys,
      syntax: { ...config.resources.interpolation, icu: config.resources.icu },
    },
  };
}

/** The output folder of one language. */
export function outputFolder(outputPattern: string, language: string): string {
  return outputPattern.replaceAll('{lang}', language);
}

function checkLanguages(config: ParsedConfig): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  // BCP 47 codes ignore case, and so do the file systems of macOS and Windows: `EN` is `en`, `articles/ES` is `articles/es`.
  const firstSpelling = new Map<string, string>();
  const source = config.sourceLanguage.toLowerCase();
  for (const [index, lang] of config.targetLanguages.entries()) {
    const folded = lang.toLowerCase();
    const spelled = lang === config.sourceLanguage ? '' : ` (language codes ignore case: it is "${config.sourceLanguage}")`;
    if (folded === source) problems.push(`targetLanguages[${index}]: "${lang}" is the source language${spelled}; remove it`);
    const earlier = firstSpelling.get(folded);
    if (earlier !== undefined) problems.push(`targetLanguages[${index}]: "${lang}" is listed twice${earlier === lang ? '' : ` (as "${earlier}" too: language codes ignore case)`}; remove one`);
    else firstSpelling.set(folded, lang);
    seen.add(lang);
  }
  // A setting for a language the run never translates would be ignored without a word: most often a typo.
  const perLanguage = { engine: typeof config.engine === 'object' ? config.engine : {}, 'deepl.languages': config.deepl.languages, 'llm.languages': config.llm.languages };
  for (const [setting, map] of Object.entries(perLanguage)) {
    for (const key of Object.keys(map)) {
      if (key !== 'default' && !seen.has(key)) {
        problems.push(`${setting}.${key}: "${key}" is not in targetLanguages; expected one of ${[...seen, 'default'].map((l) => `"${l}"`).join(', ')}`);
      }
    }
  }
  if (typeof config.engine === 'object') {
    for (const lang of seen) {
      if (!engineFor(config.engine, lang)) problems.push(`engine: no engine for "${lang}"; add "${lang}" or "default" to the map`);
    }
  }
  return problems;
}

function engineFor(engine: ParsedConfig['engine'], lang: string): EngineChoice | undefined {
  return typeof engine === 'string' ? engine : (engine[lang] ?? engine['default']);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}

function configProblems(configFile: string, problems: string[]): ConfigError {
  const noun = problems.length === 1 ? 'problem' : `${problems.length} problems`;
  return new ConfigError(`Config ${noun} in ${configFile}:\n  ${problems.join('\n  ')}`, {
    hint: 'Fix the config file and run again; `jialing translate --help` lists the options.',
    place: { file: configFile },
  });
}
