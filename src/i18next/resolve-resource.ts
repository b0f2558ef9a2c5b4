import i18next from 'i18next';
import type { ResourceSyntax } from './resource-syntax.ts';

/** A lookup to try in i18next: a key, and for a plural form a count of its category. */
export interface ResourceLookup {
  readonly key: string;
  readonly count?: number;
  readonly ordinal?: boolean;
}

// Keys are paths joined as the site's i18next joins them; flat keys with dots (`nav.home`) resolve too.
export const keySeparator = '.';

/**
 * Loads a resource into a real i18next and returns what `t()` gives for each lookup, or the error it threw.
 * A missing key comes back as undefined, never as the key itself.
 */
export function resolveResource(resource: unknown, language: string, lookups: readonly ResourceLookup[], syntax: ResourceSyntax): (string | undefined | Error)[] {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    showSupportNotice: false,
    initAsync: false,
    resources: { [language]: { translation: resource as Record<string, unknown> } },
    keySeparator,
    nsSeparator: false,
    returnNull: false,
    returnEmptyString: true,
    interpolation: { escapeValue: false, prefix: syntax.prefix, suffix: syntax.suffix, nestingPrefix: syntax.nestingPrefix, nestingSuffix: syntax.nestingSuffix },
  });
  return lookups.map(({ key, count, ordinal }) => {
    try {
      if (!instance.exists(key, { count, ordinal })) return undefined;
      const value: unknown = instance.t(key, { count, ordinal, returnObjects: true, name: 'x', value: 1 });
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}
