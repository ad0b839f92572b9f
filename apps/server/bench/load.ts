import { Agent, request } from 'node:http';

/** One request of a load run: where it goes and what it sends. */
export interface LoadRequest {
  path: string;
  body: string;
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  /** A few error answers, to show what went wrong. */
  errorSamples: string[];
  wallMs: number;
  latenciesMs: number[];
  /** The 2xx answers' bodies, parsed, in arrival order with their time since the start. */
  answers: Array<{ atMs: number; body: unknown }>;
}

function post(agent: Agent, base: URL, req: LoadRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const r = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: req.path,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(req.body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/**
 * Sends `count` POST requests from `clients` concurrent clients, each waiting for
 * its answer before sending the next (a closed loop, like people at a form), over
 * keep-alive connections.
 */
export async function runLoad(
  baseUrl: string,
  clients: number,
  count: number,
  make: (i: number) => LoadRequest,
  stop?: AbortSignal,
): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const result: LoadResult = {
    requests: count,
    ok: 0,
    errors: 0,
    errorSamples: [],
    wallMs: 0,
    latenciesMs: [],
    answers: [],
  };
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < count && !stop?.aborted) {
      const i = next++;
      const t0 = performance.now();
      try {
        const res = await post(agent, base, make(i));
        const t1 = performance.now();
        result.latenciesMs.push(t1 - t0);
        if (res.status >= 200 && res.status < 300) {
          result.ok += 1;
          result.answers.push({ atMs: t1 - started, body: JSON.parse(res.text) as unknown });
        } else {
          result.errors += 1;
          if (result.errorSamples.length < 3)
            result.errorSamples.push(`${res.status} ${res.text.slice(0, 300)}`);
        }
      } catch (err) {
        result.latenciesMs.push(performance.now() - t0);
        result.errors += 1;
        if (result.errorSamples.length < 3) result.errorSamples.push(String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  result.wallMs = performance.now() - started;
  agent.destroy();
  return result;
}

/** The q-th quantile (0..1) of the values, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
