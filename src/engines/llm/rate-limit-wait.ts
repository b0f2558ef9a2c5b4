import { parseRetryAfter } from '../parse-retry-after.ts';

/**
 * Milliseconds a rate-limited answer asks to wait: `retry-after-ms`, else `Retry-After`, else the reset time of
 * the `x-ratelimit-*` limits used up (OpenAI's `x-ratelimit-reset-requests: 1s`, `…-tokens: 6m0s`), else undefined.
 */
export function rateLimitWait(headers: Headers | undefined, now: number): number | undefined {
  if (!headers) return undefined;
  const milliseconds = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = parseRetryAfter(headers.get('retry-after') ?? undefined, now);
  if (retryAfter !== undefined) return retryAfter;
  const resets = (['requests', 'tokens'] as const).flatMap((kind) => {
    const reset = parseDuration(headers.get(`x-ratelimit-reset-${kind}`));
    if (reset === undefined) return [];
    return [{ reset, isUsedUp: headers.get(`x-ratelimit-remaining-${kind}`)?.trim() === '0' }];
  });
  const usedUp = resets.filter((limit) => limit.isUsedUp);
  const relevant = usedUp.length > 0 ? usedUp : resets;
  return relevant.length > 0 ? Math.max(...relevant.map((limit) => limit.reset)) : undefined;
}

const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Milliseconds of a Go-style duration (`6m0s`, `1.5s`, `250ms`) or plain seconds, or undefined. */
export function parseDuration(value: string | null | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) total += Number(amount) * units[unit!]!;
  return Math.round(total);
}
