import type { ResolvedConfig } from '../config/resolve-config.ts';
import type { Glossary } from '../glossary/glossary.ts';
import { jialingVersion } from '../jialing-version.ts';
import { hashText, stateBasis } from '../pipeline/article-state.ts';

/** What a submitter and a worker must agree on for the worker's output to be the one the submitter would make. */
export interface JobIdentity {
  readonly configHash: string;
  /** The glossary's terms and their target forms in every configured language. */
  readonly glossaryVersion: string;
  readonly jialingVersion: string;
}

/** The identity of a project as a run sees it: config settings that shape outputs, glossary and jialing version. */
export function jobIdentity(config: ResolvedConfig, glossary: Glossary): JobIdentity {
  const basis = stateBasis(config, glossary, jialingVersion());
  const termIds = glossary.terms.map((term) => term.id);
  const forms = config.targetLanguages.map((language) => `${language}=${glossary.version(termIds, language)}`);
  return { configHash: basis.configHash, glossaryVersion: hashText(`${basis.termsHash}:${forms.join(',')}`), jialingVersion: jialingVersion() };
}

/** What differs between a job's identity and a worker's, in words naming both sides; undefined when they agree. */
export function identityMismatch(job: JobIdentity, worker: JobIdentity): string | undefined {
  const parts = (['configHash', 'glossaryVersion', 'jialingVersion'] as const).filter((part) => job[part] !== worker[part]);
  if (parts.length === 0) return undefined;
  const names = { configHash: 'config', glossaryVersion: 'glossary', jialingVersion: 'jialing version' };
  const sides = parts.map((part) => `${names[part]} ${job[part]} (submitter) vs ${worker[part]} (worker)`).join(', ');
  return `the worker's project differs from the submitter's: ${sides}. Run workers in a checkout of the same commit as the submitter, with the same jialing version.`;
}
