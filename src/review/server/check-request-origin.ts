/** What a request says about where it comes from. */
export interface RequestOrigin {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  /** `Sec-Fetch-Site`, which browsers send and pages cannot forge. */
  readonly fetchSite: string | undefined;
  /** Whether the token came in an `Authorization` header, which another site's page cannot make a browser send. */
  readonly hasTokenHeader: boolean;
}

/**
 * Why a request must be refused before its token is even looked at, or undefined when it may go on.
 * The Host must name the loopback address and this port, so a DNS name rebound to 127.0.0.1 is refused;
 * other sites (other ports of 127.0.0.1 are the same site) may not send requests; a request that changes
 * something must carry this server's own Origin, unless it carries the token in a header (scripts, tools).
 */
export function checkRequestOrigin(request: RequestOrigin, port: number): string | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (request.host === undefined || !allowedHosts.includes(request.host.toLowerCase())) {
    return `Host ${JSON.stringify(request.host ?? '')} is not this server; open the address \`jialing review\` printed.`;
  }
  if (request.fetchSite === 'cross-site' || request.fetchSite === 'same-site') {
    return `Requests from other sites are refused (Sec-Fetch-Site: ${request.fetchSite}).`;
  }
  const isSafe = request.method === 'GET' || request.method === 'HEAD';
  const isOwnOrigin = request.origin === `http://${request.host.toLowerCase()}`;
  if (!isSafe && !isOwnOrigin && !(request.hasTokenHeader && request.origin === undefined)) {
    return `A ${request.method} request must come from this page (Origin ${JSON.stringify(request.origin ?? '')}).`;
  }
  return undefined;
}
