import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkRequestOrigin } from './check-request-origin.ts';
import { isReviewToken } from './review-token.ts';

/** Where the page's access token may travel. */
export interface GuardOptions {
  readonly token: string;
  readonly port: number;
}

/**
 * Refuses (403) every request that does not come from this machine's page with the token. The printed
 * address carries the token as `?token=`; opening it stores the token in an HttpOnly, SameSite=Strict
 * cookie and redirects to `/`, so the token leaves the address bar and history, and the page's own
 * requests carry it without script ever reading it. Other clients may send `Authorization: Bearer <token>`.
 */
export function guardRequest(options: GuardOptions): MiddlewareHandler {
  // Cookies ignore ports: one name per port keeps two review servers (or other local apps) apart.
  const cookieName = `jialing-review-${options.port}`;
  return async (c, next) => {
    const bearer = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const hasTokenHeader = isReviewToken(options.token, bearer);
    // The API answers in JSON, refusals included.
    const refuse = (message: string) => (c.req.path.startsWith('/api/') ? c.json({ message }, 403) : c.text(`Forbidden: ${message}\n`, 403));
    const refusal = checkRequestOrigin(
      { method: c.req.method, host: c.req.header('host'), origin: c.req.header('origin'), fetchSite: c.req.header('sec-fetch-site'), hasTokenHeader },
      options.port,
    );
    if (refusal) return refuse(refusal);

    const queryToken = c.req.query('token');
    if (queryToken !== undefined) {
      if (c.req.method !== 'GET' || c.req.path !== '/' || !isReviewToken(options.token, queryToken)) return refuse(forbidden);
      setCookie(c, cookieName, options.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return c.redirect('/', 303);
    }
    if (!isReviewToken(options.token, getCookie(c, cookieName)) && !hasTokenHeader) return refuse(forbidden);
    await next();
  };
}

const forbidden = 'this page needs the access token; open the address `jialing review` printed.';
