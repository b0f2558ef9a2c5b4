/** How a site's i18next writes placeholders in its strings (i18next's `interpolation` options), and whether strings are ICU messages. */
export interface ResourceSyntax {
  readonly prefix: string;
  readonly suffix: string;
  readonly nestingPrefix: string;
  readonly nestingSuffix: string;
  /** Strings are ICU messages (`i18next-icu`): `{name}`, `{count, plural, one {…} other {…}}`. */
  readonly icu: boolean;
}

/** i18next's defaults. */
export const defaultResourceSyntax: ResourceSyntax = { prefix: '{{', suffix: '}}', nestingPrefix: '$t(', nestingSuffix: ')', icu: false };
