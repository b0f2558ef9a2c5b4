import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { UsageError } from '../../errors.ts';
import { toErrorResponse } from './error-response.ts';
import { guardRequest } from './guard-request.ts';
import { loadPageFiles } from './page-files.ts';
import { reviewRoutes, type ReviewScope, type ReviewSource } from './review-routes.ts';
import { createReviewToken } from './review-token.ts';
import { securityHeaders } from './security-headers.ts';

export interface ReviewServerOptions {
  readonly source: ReviewSource;
  readonly scope: ReviewScope;
  /** Port on 127.0.0.1; 0 (the default) takes a free one. */
  readonly port?: number;
  /** Access token; a fresh random one by default. */
  readonly token?: string;
  /** Receives errors that are bugs rather than a person's mistake, for the CLI to print. */
  readonly onUnexpectedError?: (error: unknown) => void;
}

/** A running review server. */
export interface ReviewServer {
  /** The address to open, token included. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts the review page's server on 127.0.0.1; `UsageError` when the port is taken. */
export async function createReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const token = options.token ?? createReviewToken();
  const pageFiles = await loadPageFiles();
  let app: Hono | undefined;
  const server = createAdaptorServer({ fetch: (request, env) => app!.fetch(request, env), createServer }) as Server;
  const port = await listen(server, options.port ?? 0);

  app = new Hono()
    .use(securityHeaders())
    .use(guardRequest({ token, port }))
    .use('/api/*', bodyLimit({ maxSize: 4 * 1024 * 1024, onError: (c) => c.json({ message: 'The request body is larger than 4 MiB.' }, 413) }))
    .route('/api', reviewRoutes(options.source, options.scope))
    // Browsers ask for an icon on their own; an empty answer keeps their consoles free of 404s.
    .get('/favicon.ico', (c) => c.body(null, 204))
    .get('*', (c) => {
      const file = pageFiles.get(c.req.path);
      return file ? c.body(file.body, 200, { 'Content-Type': file.contentType }) : c.json({ message: `Nothing at ${c.req.path}.` }, 404);
    });
  app.onError((error, c) => {
    const response = toErrorResponse(error);
    if (response.isUnexpected) options.onUnexpectedError?.(error);
    return c.json(response.body, response.status);
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'is in use' : error.code === 'EACCES' ? 'may not be opened by this user' : `cannot be opened (${error.message})`;
      reject(new UsageError(`Port ${port} on 127.0.0.1 ${reason}.`, { hint: 'Pick another with --port, or leave --port out for a free one.', cause: error }));
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
