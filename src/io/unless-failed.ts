/**
 * The result of a synchronous file-system call, or undefined when it fails for any reason (missing, a file where a
 * folder belongs, no permission): for the checks that treat every such failure as "not there".
 */
export function unlessFailed<T>(call: () => T): T | undefined {
  try {
    return call();
  } catch {
    return undefined;
  }
}
