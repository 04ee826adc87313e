import autocannon from 'autocannon';

export interface LoadOptions {
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /**
   * Signed-in people (Cookie headers). Connection i sends as cookies[i], then
   * cookies[i + connections], … round the list: at any moment each connection is
   * a different person, and a list longer than the connections spreads the
   * per-citizen submission limit over more accounts.
   */
  cookies: readonly string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  label: string;
  /** Answers with a 2xx status per second. */
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/** Runs autocannon against one route: every connection keeps its own signed-in person. */
export async function measure(label: string, options: LoadOptions): Promise<LoadResult> {
  let slots = 0;
  const result = await autocannon({
    url: `${options.baseUrl}${options.path}`,
    method: options.method,
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json' },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    setupClient: (client) => {
      const slot = slots++;
      let sent = 0;
      const cookieFor = (n: number) =>
        options.cookies[(slot + options.connections * n) % options.cookies.length] ?? '';
      client.setHeaders({ 'content-type': 'application/json', cookie: cookieFor(0) });
      if (options.cookies.length <= options.connections) return;
      client.on('response', () => {
        sent += 1;
        client.setHeaders({ 'content-type': 'application/json', cookie: cookieFor(sent) });
      });
    },
  });
  const ok = result['2xx'];
  return {
    label,
    perSecond: ok / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function printResults(title: string, results: readonly LoadResult[]): void {
  console.log(`\n${title}`);
  console.log('| run | 2xx/s | p50 ms | p99 ms | 2xx | non-2xx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.perSecond.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx} | ${r.errors} |`,
    );
  }
}
