import { defaultProtectOptions, type ProtectOptions } from './protect/find-protected.ts';

/** What decides how an article is split into segments, beside its text. Plain data: it crosses into threads. */
export interface SegmentOptions {
  /** Frontmatter keys whose values are translated. */
  readonly frontmatterKeys: readonly string[];
  /** Text kept from engines beside markup. */
  readonly protect: ProtectOptions;
}

/** Segment options with every built-in protect rule on. */
export function segmentOptions(frontmatterKeys: readonly string[], protect: ProtectOptions = defaultProtectOptions): SegmentOptions {
  return { frontmatterKeys, protect };
}
