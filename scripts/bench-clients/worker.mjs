// Child process of the client benchmark (plain JS: no loader between the measurement and the client).
// Copied into each scratch project, so bare imports resolve to that project's install only.
//
//   node worker.mjs cold <side> <case.json>                 → {"ms": import+construct, "sinceStart": ms}
//   node worker.mjs call <side> <case.json> memory|server <seconds> <warmupSeconds> [url]
//                                                           → {"calls": n, "seconds": s, "perSecond": r}
//   node worker.mjs validate ours <case.json> <rounds> <sliceMs>   (imports `c.module` when set)
//                                                           → {"valid": {"ours": [ops/s…], "theirs": […]}, "invalid": …}
// `side` is `ours` or `theirs`; case.json holds the BenchCase and the credentials.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, side, caseFile, where, seconds, warmup, url] = process.argv.slice(2);
const { c, credentials } = JSON.parse(readFileSync(caseFile, 'utf8'));
const region = 'us-east-1';

if (mode === 'cold') {
  const t0 = performance.now();
  const m = await import(side === 'ours' ? c.ours.pkg : c.theirs.pkg);
  const Client = m[side === 'ours' ? c.ours.client : c.theirs.client];
  const client = new Client({ region, credentials });
  const t1 = performance.now();
  if (!client) throw new Error('no client');
  process.stdout.write(JSON.stringify({ ms: t1 - t0, sinceStart: t1 }));
} else if (mode === 'call') {
  // Never any address but the local test server (or none, in memory).
  if (where !== 'memory' && !/^http:\/\/127\.0\.0\.1:\d+$/.test(url ?? '')) throw new Error(`not a 127.0.0.1 URL: ${url}`);
  const body = JSON.stringify(c.response);
  const bytes = new TextEncoder().encode(body);
  const headers = { 'content-type': c.contentType, 'x-amzn-requestid': 'bench-request-id' };
  let call;
  if (side === 'ours') {
    const m = await import(c.ours.pkg);
    const config = { region, credentials, maxAttempts: 1 };
    if (where === 'memory') {
      config.endpoint = 'https://bench.invalid';
      // What a real fetch resolves to: a Response the runtime reads as text.
      config.fetch = async () => new Response(body, { status: 200, headers });
    } else {
      config.endpoint = url;
      // Both sides on node:http with keep-alive: the official client's Node default (NodeHttpHandler)
      // and our opt-in transport (our default is fetch, as issue 10 asks).
      config.transport = 'node-http';
    }
    const client = new m[c.ours.client](config);
    call = () => client[c.ours.method](c.input);
  } else {
    const m = await import(c.theirs.pkg);
    // smithy's packages as the client itself resolves them (they need not be hoisted).
    const require = createRequire(createRequire(import.meta.url).resolve(c.theirs.pkg));
    const config = { region, credentials, maxAttempts: 1 };
    if (where === 'memory') {
      config.endpoint = 'https://bench.invalid';
      // The equivalent of our in-memory fetch: a request handler answering the same bytes.
      // HttpResponse moved from @smithy/protocol-http into @smithy/core/protocols; take whichever exists.
      let HttpResponse;
      try {
        ({ HttpResponse } = require('@smithy/core/protocols'));
      } catch {}
      HttpResponse ??= require('@smithy/protocol-http').HttpResponse;
      config.requestHandler = {
        handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: { ...headers }, body: bytes }) }),
        updateHttpClientConfig() {},
        httpHandlerConfigs: () => ({}),
      };
    } else {
      config.endpoint = url;
      const { NodeHttpHandler } = require('@smithy/node-http-handler');
      const http = await import('node:http');
      config.requestHandler = new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true }) });
    }
    const client = new m[c.theirs.client](config);
    const Command = m[c.theirs.command];
    call = () => client.send(new Command(c.input));
  }
  // Check once that the call works and parses before timing it.
  const first = await call();
  if (!first || typeof first !== 'object' || !first.$metadata) throw new Error('unexpected output');
  const loop = async (ms) => {
    const cpu0 = process.cpuUsage();
    const end = performance.now() + ms;
    let n = 0;
    let now = performance.now();
    while (now < end) {
      // Batches of 16 keep the clock out of the loop's cost.
      for (let i = 0; i < 16; i++) await call();
      n += 16;
      now = performance.now();
    }
    const cpu = process.cpuUsage(cpu0);
    return { n, ms: now - (end - ms), cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  await loop(Number(warmup) * 1000);
  const { n, ms, cpuMs } = await loop(Number(seconds) * 1000);
  // Also per CPU second of this process (all its threads, GC included): steadier than wall time when
  // other work shares the cores.
  process.stdout.write(JSON.stringify({ calls: n, seconds: ms / 1000, perSecond: (n * 1000) / ms, perCpuSecond: (n * 1000) / cpuMs }));
} else if (mode === 'validate') {
  // node worker.mjs validate ours <case.json> <rounds> <sliceMs>: the generated validator and ajv
  // (compiled from the JSON Schema generated from the same IR) in alternating time slices.
  const rounds = Number(where);
  const sliceMs = Number(seconds);
  const m = await import(c.module ?? c.ours.pkg);
  const require = createRequire(c.ajvFrom);
  const Ajv = require('ajv').default;
  const addFormats = require('ajv-formats').default;
  const fast = new Ajv({ strict: false });
  const all = new Ajv({ strict: false, allErrors: true });
  addFormats(fast);
  addFormats(all);
  const ajvFirst = fast.compile(c.schema);
  const ajvAll = all.compile(c.schema);
  const validate = m[c.ours.validator];
  const ours = (x) => {
    try {
      validate(x);
      return true;
    } catch {
      return false;
    }
  };
  // Sanity: both sides agree on the two inputs before anything is timed.
  if (!ours(c.input) || !ajvFirst(c.input) || ours(c.invalid) || ajvAll(c.invalid)) throw new Error('validators disagree');
  const rate = (fn, x, expect) => {
    let n = 0;
    let ok = 0;
    const start = performance.now();
    const end = start + sliceMs;
    let now = start;
    while (now < end) {
      for (let i = 0; i < 1000; i++) if (fn(x) === expect) ok++;
      n += 1000;
      now = performance.now();
    }
    if (ok !== n) throw new Error('unexpected verdict');
    return (n * 1000) / (now - start);
  };
  const sides = {
    valid: { ours: () => rate(ours, c.input, true), theirs: () => rate(ajvFirst, c.input, true) },
    invalid: { ours: () => rate(ours, c.invalid, false), theirs: () => rate(ajvAll, c.invalid, false) },
  };
  for (const k of Object.keys(sides)) sides[k].ours(), sides[k].theirs(); // warm-up
  const out = { valid: { ours: [], theirs: [] }, invalid: { ours: [], theirs: [] } };
  for (let r = 0; r < rounds; r++) {
    for (const k of ['valid', 'invalid']) {
      // Alternate which side goes first, so neither always follows the other's garbage.
      const order = r % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
      for (const s of order) out[k][s].push(sides[k][s]());
    }
  }
  process.stdout.write(JSON.stringify(out));
} else {
  throw new Error(`unknown mode ${mode}`);
}
