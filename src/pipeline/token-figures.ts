import type { ParsedConfig } from '../config/schema.ts';
import type { Engine, EngineReply, TokenUsage } from '../engines/engine.ts';
import type { LanguageSummary } from './run-report.ts';

type Prices = ParsedConfig['llm']['prices'];

/** What a dry run has estimated so far per language: the texts' own tokens, and how many texts and bytes to pack. */
const dryRuns = new WeakMap<LanguageSummary, { texts: number; bytes: number; own: TokenUsage }>();
const encoder = new TextEncoder();

/**
 * Puts a token-billed engine's tokens of one language in its summary, and their cost when prices are configured:
 * what the engine reported, or for a dry run an estimate for `unsent` (the texts of one more article that the
 * memory lacks) added to the earlier articles', with the requests they would fill at the engine's limits.
 */
export function updateTokenFigures(summary: LanguageSummary, engine: Engine<EngineReply>, prices: Prices, unsent?: readonly string[]): void {
  const usage = unsent ? estimateSoFar(summary, engine, unsent) : engine.usageOf?.(summary.language);
  if (!usage) return;
  summary.promptTokens = usage.promptTokens;
  summary.completionTokens = usage.completionTokens;
  if (prices) summary.cost = (usage.promptTokens * prices.promptPerMillion + usage.completionTokens * prices.completionPerMillion) / 1e6;
}

function estimateSoFar(summary: LanguageSummary, engine: Engine<EngineReply>, unsent: readonly string[]): TokenUsage | undefined {
  if (!engine.estimateUsage) return undefined;
  const sofar = dryRuns.get(summary) ?? { texts: 0, bytes: 0, own: { promptTokens: 0, completionTokens: 0 } };
  dryRuns.set(summary, sofar);
  const own = engine.estimateUsage(unsent, 0);
  sofar.texts += unsent.length;
  sofar.bytes += unsent.reduce((sum, text) => sum + encoder.encode(text).length, 0);
  sofar.own.promptTokens += own.promptTokens;
  sofar.own.completionTokens += own.completionTokens;
  const { maxTexts, maxBytes } = engine.limits;
  const requests = Math.max(Math.ceil(sofar.texts / maxTexts), Math.ceil(sofar.bytes / maxBytes));
  const fixed = engine.estimateUsage([], requests);
  return { promptTokens: sofar.own.promptTokens + fixed.promptTokens, completionTokens: sofar.own.completionTokens + fixed.completionTokens };
}
