import type { ParsedConfig } from '../config/schema.ts';
import type { EngineReply, Engine } from '../engines/engine.ts';
import type { LanguageSummary } from './run-report.ts';

type Prices = ParsedConfig['llm']['prices'];

/**
 * Puts a token-billed engine's tokens of one language in its summary, and their cost when prices are configured:
 * what the engine reported, or for a dry run the estimate for `unsent`, the texts the memory lacks, added up.
 */
export function updateTokenFigures(summary: LanguageSummary, engine: Engine<EngineReply>, prices: Prices, unsent?: readonly string[]): void {
  const usage = unsent ? engine.estimateUsage?.(unsent) : engine.usageOf?.(summary.language);
  if (!usage) return;
  summary.promptTokens = (unsent ? (summary.promptTokens ?? 0) : 0) + usage.promptTokens;
  summary.completionTokens = (unsent ? (summary.completionTokens ?? 0) : 0) + usage.completionTokens;
  if (prices) summary.cost = (summary.promptTokens * prices.promptPerMillion + summary.completionTokens * prices.completionPerMillion) / 1e6;
}
