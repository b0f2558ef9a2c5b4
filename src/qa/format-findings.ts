import type { Finding } from './finding.ts';

/** Findings for a terminal, one line each: `file:line [lang] severity check-id: message — "text"`. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const quoted = finding.text === '' ? '' : ` — "${finding.text}"`;
      const line = `${finding.file}:${finding.line} [${finding.language}] ${finding.severity} ${finding.check}: ${finding.message}${quoted}`;
      // Messages and file names quote article text too: one line each, with no control character to steer the terminal.
      return line.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '\uFFFD');
    })
    .join('\n');
}
