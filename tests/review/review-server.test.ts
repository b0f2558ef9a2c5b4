import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir, runCli, writeProject } from '../support/cli.ts';
import { request, startReview, type ReviewProcess } from './review-process.ts';

const timeout = 120_000;

describe('jialing review: the server', () => {
  let dir: string;
  let review: ReviewProcess;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    dir = await makeTempDir('jialing-review-server-');
    await writeProject(dir, {
      'pipeline.config.json': JSON.stringify({ targetLanguages: ['es', 'ca'], engine: 'copy' }),
      'articles/en/guide/visit.md': '# Visiting\n\nTake the **metro** to the river.\n',
    });
    expect((await runCli(['translate', '-q'], { cwd: dir })).code).toBe(0);
    review = await startReview(dir, ['--lang', 'es']);
    bearer = { authorization: `Bearer ${review.token}` };
  }, timeout);

  afterAll(async () => {
    await review?.stop();
    await removeTempDir(dir);
  });

  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(review.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  });

  it('refuses every request without the token, page and API alike', async () => {
    for (const path of ['/', '/review.js', '/review.css', '/api/articles', '/api/article?file=guide/visit.md&language=es']) {
      const response = await request(review.port, { path });
      expect(response.status, path).toBe(403);
      expect(response.body).toContain('access token');
    }
    expect((await request(review.port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await request(review.port, { path: '/api/articles', headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await request(review.port, { path: '/api/articles', headers: { cookie: `jialing-review-${review.port}=wrong` } })).status).toBe(403);
  });

  it('moves the token from the address into an HttpOnly, SameSite=Strict cookie the API accepts', async () => {
    const first = await request(review.port, { path: `/?token=${review.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^jialing-review-${review.port}=${review.token};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    const page = await request(review.port, { path: '/', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script type="module" src="/review.js"></script>');
    const api = await request(review.port, { path: '/api/articles', headers: { cookie: cookie.split(';')[0]! } });
    expect(api.status).toBe(200);
  });

  it('refuses a Host other than 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${review.port}`, '127.0.0.1', `127.0.0.1:${review.port + 1}`]) {
      const response = await request(review.port, { path: '/api/articles', headers: { ...bearer, host } });
      expect(response.status, host).toBe(403);
      expect(response.body).toContain('is not this server');
    }
    expect((await request(review.port, { path: '/api/articles', headers: { ...bearer, host: `localhost:${review.port}` } })).status).toBe(200);
  });

  it('refuses requests from other sites and saves from another Origin, or with the cookie but no Origin', async () => {
    const save = { method: 'POST', path: '/api/save', body: JSON.stringify({ file: 'guide/visit.md', language: 'es', edits: [{ index: 0, id: 'x', markdown: 'Visita' }] }) };
    const json = { ...bearer, 'content-type': 'application/json' };
    // A script with the token in a header needs no Origin: it reaches the workspace, which refuses this edit's index.
    const scripted = await request(review.port, { ...save, body: save.body.replace('"index":0', '"index":99'), headers: json });
    expect(scripted.status).toBe(422);
    const withCookie = { cookie: `jialing-review-${review.port}=${review.token}`, 'content-type': 'application/json' };
    const cookieOnly = await request(review.port, { ...save, headers: withCookie });
    expect(cookieOnly.status).toBe(403);
    expect(JSON.parse(cookieOnly.body).message).toMatch(/must come from this page/);
    expect((await request(review.port, { ...save, headers: { ...json, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(review.port, { ...save, headers: { ...json, origin: `http://127.0.0.1:${review.port + 1}` } })).status).toBe(403);
    const crossSite = await request(review.port, { path: '/api/articles', headers: { ...bearer, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await request(review.port, { path: '/api/articles', headers: { ...bearer, 'sec-fetch-site': 'same-site' } });
    expect(sameSite.status).toBe(403);
    const formPost = await request(review.port, { ...save, headers: { ...bearer, origin: `http://127.0.0.1:${review.port}`, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(formPost.status).toBe(415);
  });

  it('sends a strict Content-Security-Policy, nosniff and no-store on pages, scripts, API answers and refusals', async () => {
    const responses = [
      await request(review.port, { path: '/', headers: bearer }),
      await request(review.port, { path: '/review.js', headers: bearer }),
      await request(review.port, { path: '/api/articles', headers: bearer }),
      await request(review.port, { path: '/' }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 403]);
    for (const response of responses) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect(responses[1]!.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('lists articles in the languages asked for with their counts', async () => {
    const response = await request(review.port, { path: '/api/articles', headers: bearer });
    const data = JSON.parse(response.body);
    expect(data).toMatchObject({ sourceLanguage: 'en', languages: ['es'] });
    expect(data.articles).toEqual([{ file: 'guide/visit.md', languages: [expect.objectContaining({ language: 'es', hasOutput: true })] }]);
    expect(data.articles[0].languages[0].counts).toMatchObject({ segments: 2, reviewed: 0, machine: 2, untranslated: 0 });
  });

  it('answers 404 for a language not reviewed here and 422 with each problem for an edit it cannot store', async () => {
    const other = await request(review.port, { path: '/api/article?file=guide/visit.md&language=ca', headers: bearer });
    expect(other.status).toBe(404);
    const headers = { ...bearer, 'content-type': 'application/json', origin: `http://127.0.0.1:${review.port}` };
    const badShape = await request(review.port, { method: 'POST', path: '/api/save', headers, body: JSON.stringify({ file: 'guide/visit.md', language: 'es', edits: [{ index: -1 }] }) });
    expect(badShape.status).toBe(400);
    const unknownIndex = await request(review.port, { method: 'POST', path: '/api/save', headers, body: JSON.stringify({ file: 'guide/visit.md', language: 'es', edits: [{ index: 99, id: 'x', markdown: 'x' }] }) });
    expect(unknownIndex.status).toBe(422);
    expect(JSON.parse(unknownIndex.body).problems).toEqual([expect.objectContaining({ index: 99 })]);
  });
});

describe('jialing review: the command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir('jialing-review-command-');
    await writeProject(dir, { 'pipeline.config.json': JSON.stringify({ targetLanguages: ['es'], engine: 'copy' }), 'articles/en/a.md': 'Hello.\n' });
  });
  afterAll(() => removeTempDir(dir));

  it(
    'stops cleanly on Ctrl-C with exit code 130',
    async () => {
      const review = await startReview(dir);
      const result = await review.stop();
      expect(result.code).toBe(130);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    timeout,
  );

  it(
    'listens on the port asked for, and says so when it is taken (exit 2)',
    async () => {
      const blocker = createServer();
      const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
      try {
        const taken = await runCli(['review', '--port', String(port)], { cwd: dir });
        expect(taken.code).toBe(2);
        expect(taken.stderr).toContain(`error: Port ${port} on 127.0.0.1 is in use.`);
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
      const review = await startReview(dir, ['--port', String(port)]);
      expect(review.port).toBe(port);
      expect((await review.stop()).code).toBe(130);
    },
    timeout,
  );

  it('refuses a port that is not a number from 1 to 65535', async () => {
    const result = await runCli(['review', '--port', 'eighty'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected `--port` to be a whole number from 1 to 65535, got `eighty`.');
  });
});
