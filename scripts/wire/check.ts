/**
 * The wire check of `npm run wire`: for JSON-protocol services of the boto3 1.26 corpus, generates
 * docsdk clients with docsdk's own pipeline from the boto3 docs plus a `service.json` written from
 * the botocore metadata, then calls every operation with docsdk's client and with the official
 * `@aws-sdk/client-*` client (pinned in scripts/wire/package.json) against the project's 127.0.0.1
 * test server, which verifies each SigV4 signature independently, and compares what they sent and
 * what they made of the answers.
 *
 * @packageDocumentation
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { GENERATOR_VERSION } from '../../generator/cli.ts';
import { nameService } from '../../generator/emit/names.ts';
import { RUNTIME_ENTRY } from '../../generator/emit/ts-project.ts';
import type { Service } from '../../generator/ir/model.ts';
import { runPipeline } from '../../generator/pipeline/run.ts';
import { TreeSink } from '../../generator/pipeline/sink.ts';
import { respond, TestServer } from '../../runtime/test/server.ts';
import { loadModel, modelFile, officialPackage, serviceSettings, type BotocoreModel } from './botocore.ts';
import { describe, differences, normalise, type Difference } from './compare.ts';
import { drawInput, drawOutputWire, reachesStream, Rng, seedFor, type KindCounts } from './values.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const requireOfficial = createRequire(path.join(HERE, 'package.json'));

const CREDS = { accessKeyId: 'AKIDWIRECHECK0000001', secretAccessKey: 'wire/check+secret000000000000000000000001' };

/** A deliberate break of docsdk's side (the self-test shows the check catches each). */
export type Perturbation = 'content-type' | 'body' | 'error';

/** Outcome of one operation. */
export interface OperationResult {
  operation: string;
  /** agree; skew (the pinned client's model differs: evidence); differ (listed); skipped (not comparable: why). */
  status: 'agree' | 'skew' | 'differ' | 'skipped';
  /** Why, for skew, differ and skipped. */
  notes: string[];
}

/** Outcome of one service. */
export interface ServiceResult {
  service: string;
  officialPackage: string;
  officialVersion?: string;
  operations: OperationResult[];
  /** A problem that stopped the whole service (no docs, no client, generation failed). */
  problem?: string;
  kinds: KindCounts;
}

/** Options of {@link checkServices}. */
export interface CheckOptions {
  /** Folders holding `<service>.rst` (boto3 1.26 docs), searched in order. */
  corpora: string[];
  /** Scratch folder: specs, generated packages, bundles. */
  work: string;
  seed: number;
  perturb?: Perturbation;
  /** Called after each service. */
  progress?: (r: ServiceResult) => void;
}

/** Finds a service's corpus page. */
function corpusPage(service: string, corpora: readonly string[]): string | undefined {
  for (const c of corpora) {
    for (const f of [path.join(c, 'services', `${service}.rst`), path.join(c, `${service}.rst`)]) if (existsSync(f)) return f;
  }
  return undefined;
}

// Every .js file below a folder, concatenated (where a member name is looked up as evidence of skew).
function sourceText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out += sourceText(p);
    else if (e.endsWith('.js')) out += readFileSync(p, 'utf8');
  }
  return out;
}

type AnyClient = { send(command: unknown): Promise<Record<string, unknown>>; destroy?(): void };
type Official = { Client: new (config: object) => AnyClient; commands: Record<string, new (input: object) => unknown>; version: string; source: string };

async function loadOfficial(pkg: string): Promise<Official | string> {
  let entry: string;
  try {
    entry = requireOfficial.resolve(pkg);
  } catch {
    return `${pkg} is not installed (not in scripts/wire/package.json: the registry has no such client)`;
  }
  const mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist-`));
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const clientName = Object.keys(mod).find((k) => k.endsWith('Client') && typeof mod[k] === 'function' && typeof (mod[k] as { prototype?: { send?: unknown } }).prototype?.send === 'function' && !k.startsWith('__'));
  if (!clientName) return `${pkg}@${version} exports no client class`;
  const commands: Record<string, new (input: object) => unknown> = {};
  for (const [k, v] of Object.entries(mod)) if (k.endsWith('Command') && typeof v === 'function') commands[k.slice(0, -'Command'.length)] = v as new (input: object) => unknown;
  return { Client: mod[clientName] as Official['Client'], commands, version, source: sourceText(path.join(root, 'dist-cjs')) };
}

/** Writes the spec folder of each service (docs page + service.json); returns the services that have one. */
function writeSpecs(services: readonly string[], options: CheckOptions, models: Map<string, BotocoreModel>, problems: Map<string, string>): string[] {
  const specs: string[] = [];
  for (const service of services) {
    const file = modelFile(service);
    if (!file) {
      problems.set(service, 'botocore has no model of this service');
      continue;
    }
    const model = loadModel(file);
    models.set(service, model);
    if (model.metadata.protocol !== 'json') {
      problems.set(service, `botocore protocol ${model.metadata.protocol}, not json`);
      continue;
    }
    const page = corpusPage(service, options.corpora);
    if (!page) {
      problems.set(service, `no ${service}.rst in ${options.corpora.join(', ')} (scripts/conformance-corpus ${service})`);
      continue;
    }
    const dir = path.join(options.work, 'specs', 'aws', service);
    mkdirSync(dir, { recursive: true });
    copyFileSync(page, path.join(dir, `${service}.rst`));
    writeFileSync(path.join(dir, 'service.json'), `${JSON.stringify(serviceSettings(service, model), null, 2)}\n`);
    specs.push(dir);
  }
  return specs;
}

function mergeKinds(into: KindCounts, from: KindCounts): void {
  for (const [k, n] of Object.entries(from)) into[k as keyof KindCounts] = (into[k as keyof KindCounts] ?? 0) + n;
}

/** docsdk's client options that break it on purpose (see {@link Perturbation}). */
function perturbation(kind: Perturbation | undefined): Record<string, unknown> {
  switch (kind) {
    case 'content-type':
      return { interceptors: [{ modifyBeforeSigning: (c: { request?: { headers: Record<string, string> } }) => void (c.request!.headers['content-type'] = 'application/json') }] };
    case 'body':
      return {
        interceptors: [
          {
            modifyBeforeSigning: (c: { request?: { body?: string } }) => {
              const body = JSON.parse(c.request!.body ?? '{}') as Record<string, unknown>;
              c.request!.body = JSON.stringify({ ...body, PerturbedByTheSelfTest: true });
            },
          },
        ],
      };
    case 'error':
      // The error code reaches docsdk's parser mangled (header dropped, __type cut): its class is wrong.
      return {
        fetch: async (input: string | URL | Request, init?: RequestInit) => {
          const res = await fetch(input, init);
          if (res.status < 400) return res;
          const body = (await res.json()) as Record<string, unknown>;
          return new Response(JSON.stringify({ ...body, __type: String(body.__type).slice(1) }), { status: res.status, headers: { 'content-type': 'application/json' } });
        },
      };
    default:
      return {};
  }
}

/** Generates the services' clients and compares every operation; one result per service, in order. */
export async function checkServices(services: readonly string[], options: CheckOptions): Promise<ServiceResult[]> {
  const models = new Map<string, BotocoreModel>();
  const problems = new Map<string, string>();
  const specs = writeSpecs(services, options, models, problems);
  const out = path.join(options.work, 'generated');
  const generated = new Map<string, string>();
  if (specs.length > 0) {
    const result = await runPipeline(specs, new TreeSink(out), { generatorVersion: GENERATOR_VERSION, keepGoing: true, requireServices: true });
    for (const d of result.diagnostics) {
      if (d.severity !== 'error') continue;
      const service = /specs\/aws\/([^/]+)\//.exec(d.file.replace(/\\/g, '/'))?.[1];
      if (service && !problems.has(service)) problems.set(service, `docsdk generate: ${d.file}:${d.line}:${d.column}: ${d.message}`);
    }
    for (const p of result.packages) {
      const ir = JSON.parse(readFileSync(path.join(out, p.folder, 'ir.json'), 'utf8')) as { services: Service[] };
      generated.set(ir.services[0]!.id, p.folder);
    }
  }
  const server = await TestServer.start({ credentials: [CREDS], rejectBadSignatures: false });
  const results: ServiceResult[] = [];
  try {
    for (const service of services) {
      const model = models.get(service);
      const pkg = model ? officialPackage(model) : '';
      const r: ServiceResult = { service, officialPackage: pkg, operations: [], kinds: {} };
      const folder = generated.get(service);
      if (problems.has(service) || !model || !folder) r.problem = problems.get(service) ?? 'docsdk generated no package';
      else await checkService(service, model, path.join(out, folder), server, options, r);
      results.push(r);
      options.progress?.(r);
    }
  } finally {
    await server.close();
  }
  return results;
}

async function checkService(service: string, model: BotocoreModel, pkgDir: string, server: TestServer, options: CheckOptions, r: ServiceResult): Promise<void> {
  const official = await loadOfficial(r.officialPackage);
  if (typeof official === 'string') {
    r.problem = official;
    return;
  }
  r.officialVersion = official.version;
  const ir = (JSON.parse(readFileSync(path.join(pkgDir, 'ir.json'), 'utf8')) as { services: Service[] }).services[0]!;
  const names = nameService(ir);
  const bundle = path.join(path.dirname(pkgDir), `${path.basename(pkgDir)}.bundle.mjs`);
  await build({ entryPoints: [path.join(pkgDir, 'src/index.ts')], outfile: bundle, bundle: true, format: 'esm', platform: 'node', target: 'es2022', alias: { '@docsdk/runtime': RUNTIME_ENTRY }, logLevel: 'silent' });
  const mod = (await import(pathToFileURL(bundle).href)) as Record<string, new (config: object) => Record<string, (input: object) => Promise<Record<string, unknown>>>>;
  const ours = new mod[names.client]!({ region: 'us-east-1', endpoint: server.url, credentials: CREDS, maxAttempts: 1, disableHostPrefix: true, ...perturbation(options.perturb) });
  // HTTP/1.1 for every client (Kinesis's defaults to HTTP/2 for SubscribeToShard; the server speaks 1.1).
  const { NodeHttpHandler } = (await import(pathToFileURL(requireOfficial.resolve('@smithy/node-http-handler')).href)) as { NodeHttpHandler: new () => unknown };
  const theirs = new official.Client({ region: 'us-east-1', endpoint: server.url, credentials: CREDS, maxAttempts: 1, disableHostPrefix: true, requestHandler: new NodeHttpHandler() });
  const modelMembers = new Set(Object.values(model.shapes).flatMap((s) => Object.keys(s.members ?? {})));
  const irOps = new Map(ir.operations.map((o) => [o.name, o]));
  const timestampFormat = model.metadata.timestampFormat === 'iso8601' ? 'iso8601' : 'epoch-seconds';

  for (const opName of Object.keys(model.operations).sort()) {
    const op = model.operations[opName]!;
    const res: OperationResult = { operation: opName, status: 'agree', notes: [] };
    r.operations.push(res);
    const skip = (why: string) => ((res.status = 'skipped'), res.notes.push(why));
    if (reachesStream(model, op.input?.shape) || reachesStream(model, op.output?.shape)) {
      skip('event stream or streaming blob (not sent as AWS JSON)');
      continue;
    }
    const irOp = irOps.get(opName);
    const method = irOp && names.methods.get(opName);
    if (!irOp || !method) {
      res.status = 'differ';
      res.notes.push('docsdk generated no method for it (the docs page was not read as this operation)');
      continue;
    }
    const Command = official.commands[opName];
    if (!Command) {
      res.status = 'skew';
      res.notes.push(`${r.officialPackage}@${official.version} has no ${opName}Command (removed from newer models)`);
      continue;
    }
    const rng = new Rng(seedFor(options.seed, service, opName));
    const input = op.input ? drawInput(model, op.input.shape, rng) : { value: {}, kinds: {} };
    const output = op.output ? drawOutputWire(model, op.output.shape, rng, { timestampFormat }) : { value: {}, kinds: {} };
    mergeKinds(r.kinds, input.kinds);
    mergeKinds(r.kinds, output.kinds);
    // docsdk's callers name aliased members as boto3 documents them (documentedName).
    const oursInput: Record<string, unknown> = { ...input.value };
    const inShape = irOp.input ? ir.shapes[irOp.input] : undefined;
    if (inShape && (inShape.type === 'structure' || inShape.type === 'union')) {
      for (const [wire, m] of Object.entries(inShape.members)) {
        if (m.documentedName && wire in oursInput) {
          oursInput[m.documentedName] = oursInput[wire];
          delete oursInput[wire];
        }
      }
    }

    const diffs: string[] = [];
    const skews: string[] = [];
    // A member the pinned client's model no longer has (its name nowhere in its code) is skew.
    const pinned = `${r.officialPackage}@${official.version}`;
    const classify = (where: string, ds: Difference[]) => {
      for (const d of ds) {
        const member = /([A-Za-z0-9_]+)(?:\[\d+\])*$/.exec(d.path)?.[1];
        const known = member !== undefined && modelMembers.has(member);
        if (d.theirs === undefined && known) {
          // Both clients were given (or answered) the same value: the pinned client dropped it, so its model lacks it there.
          const named = new RegExp(`\\b${member}\\b`).test(official.source) ? 'its code still names it elsewhere' : 'its code never names it';
          skews.push(`${where} ${describe(d)}: ${pinned} drops ${member}, which botocore 1.29's model has: its newer model removed it there (${named})`);
        } else if (d.ours === undefined && member === 'MemberNotInTheModel') {
          skews.push(`${where} ${describe(d)}: ${pinned} keeps a key no model has (older releases' deserializers copy unknown keys, newer ones keep them in what became unions); docsdk drops it as Smithy asks`);
        } else if (d.ours === undefined && member !== undefined && !known) {
          skews.push(`${where} ${describe(d)}: no shape of botocore 1.29's model has a member ${member}: a newer model added it`);
        } else if (where === 'body' && d.ours === undefined && typeof d.theirs === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(d.theirs) && known) {
          skews.push(`${where} ${describe(d)}: ${pinned} fills ${member} as an idempotency token; botocore 1.29's model does not mark it so there (every member it marks is always given)`);
        } else if (typeof d.ours === 'number' && typeof d.theirs === 'number' && !Number.isInteger(d.ours) && d.theirs === Math.round(d.ours)) {
          skews.push(`${where} ${describe(d)}: ${pinned} (an older release) writes epoch-seconds timestamps rounded to whole seconds; current clients (e.g. client-kinesis) keep the milliseconds, as docsdk does`);
        } else diffs.push(`${where} ${describe(d)}`);
      }
    };

    // Machine Learning's Predict: the AWS SDK sends it to the input's PredictEndpoint (a customization).
    if (service === 'machinelearning' && opName === 'Predict') input.value.PredictEndpoint = oursInput.PredictEndpoint = server.url;
    server.enqueue(respond.json(output.value), respond.json(output.value));
    const before = server.requests.length;
    const a = await ours[method]!(oursInput).catch((e: unknown) => ({ $error: e }));
    const ra = server.requests[before];
    const b = await theirs.send(new Command(structuredClone(input.value))).catch((e: unknown) => ({ $error: e }));
    const rb = server.requests[server.requests.length - 1];
    server.reset();
    const sigv4a = (b as { $error?: unknown }).$error;
    if (sigv4a instanceof Error && /SigV4a/.test(sigv4a.message) && ra) {
      server.reset();
      skip(`${pinned} signs this request with SigV4a (multi-region endpoint, EndpointId), which needs @aws-sdk/signature-v4a: ${sigv4a.message.slice(0, 60)}`);
      continue;
    }
    if (!ra || !rb || ra === rb) {
      const err = (x: unknown) => ('$error' in (x as object) ? String((x as { $error: unknown }).$error) : 'sent');
      diffs.push(`request: docsdk ${ra ? 'sent' : `sent nothing (${err(a)})`}, AWS SDK ${rb && rb !== ra ? 'sent' : `sent nothing (${err(b)})`}`);
    } else {
      for (const h of ['x-amz-target', 'content-type']) {
        if (ra.headers[h] === rb.headers[h]) continue;
        const theirPrefix = h === 'x-amz-target' ? rb.headers[h]?.replace(/\.[^.]+$/, '') : undefined;
        if (theirPrefix && rb.headers[h] === `${theirPrefix}.${opName}` && official.source.includes(`"${theirPrefix}"`) && !official.source.includes(model.metadata.targetPrefix ?? '\u0000')) {
          skews.push(`${h}: docsdk ${ra.headers[h]}, AWS SDK ${rb.headers[h]}: ${pinned}'s model has target prefix ${theirPrefix}, botocore 1.29's ${model.metadata.targetPrefix}`);
        } else diffs.push(`${h}: docsdk ${ra.headers[h]}, AWS SDK ${rb.headers[h]}`);
      }
      if (ra.signature.scheme === 'aws4' && ra.signature.valid && rb.signature.scheme === 'none' && op.authtype !== 'none') {
        skews.push(`signature: docsdk signs, ${r.officialPackage}@${official.version} sends it unsigned: a newer model marks it unauthenticated; botocore 1.29 gives it no authtype none`);
      } else if (ra.signature.scheme !== rb.signature.scheme || ra.signature.valid !== rb.signature.valid || (ra.signature.scheme !== 'none' && !ra.signature.valid)) {
        diffs.push(`signature: docsdk ${ra.signature.scheme} ${ra.signature.valid ? 'valid' : `invalid (${ra.signature.reason})`}, AWS SDK ${rb.signature.scheme} ${rb.signature.valid ? 'valid' : `invalid (${rb.signature.reason})`}`);
      }
      if (ra.json === undefined || rb.json === undefined) diffs.push(`body: docsdk ${JSON.stringify(ra.body)}, AWS SDK ${JSON.stringify(rb.body)}`);
      else classify('body', differences(ra.json, rb.json));
      const ea = (a as { $error?: unknown }).$error;
      const eb = (b as { $error?: unknown }).$error;
      if (ea || eb) diffs.push(`output: docsdk ${ea ? `threw ${String(ea)}` : 'returned'}, AWS SDK ${eb ? `threw ${String(eb)}` : 'returned'}`);
      else classify('output', differences(normalise(a), normalise(b)));
    }

    // A host prefix (sent with disableHostPrefix above, since no prefixed name resolves to 127.0.0.1):
    // each client's host is captured just before sending, with prefixes on, and compared.
    if (op.endpoint?.hostPrefix) {
      // A host name, not 127.0.0.1: WHATWG URLs refuse a prefixed IPv4 address (sync-127.0.0.1), and nothing is sent.
      const hosts = await prefixedHosts(mod[names.client]!, method, oursInput, official, opName, input.value, server.url.replace('127.0.0.1', 'localhost'));
      if (hosts.ours !== hosts.theirs) diffs.push(`host: docsdk ${hosts.ours}, AWS SDK ${hosts.theirs}`);
      else res.notes.push(`host prefix ${op.endpoint.hostPrefix}: both send to ${hosts.ours.replace(/:\d+$/, "")}`);
    }

    // One documented error, answered to both.
    const errors = (op.errors ?? []).map((e) => e.shape).filter((e) => model.shapes[e]);
    if (errors.length > 0) {
      const code = rng.pick(errors);
      const status = model.shapes[code]!.error?.httpStatusCode ?? 400;
      server.enqueue(respond.awsError(code, `wire check ${code}`, status));
      const ea = await ours[method]!(oursInput).then(() => undefined, (e: unknown) => e as Error);
      // Older AWS SDK releases retry throttling codes (LimitExceededException) even with maxAttempts 1: every attempt gets the error.
      server.reset();
      server.enqueue(...Array.from({ length: 3 }, () => respond.awsError(code, `wire check ${code}`, status)));
      const eb = await theirs.send(new Command(structuredClone(input.value))).then(() => undefined, (e: unknown) => e as Error);
      server.reset();
      if (ea?.name !== eb?.name) diffs.push(`error ${code}: docsdk ${ea ? ea.name : 'no error'}, AWS SDK ${eb ? eb.name : 'no error'}`);
    }
    if (diffs.length > 0) {
      res.status = 'differ';
      res.notes.length = 0;
      res.notes.push(...diffs.slice(0, 5), ...(diffs.length > 5 ? [`... ${diffs.length - 5} more`] : []), ...skews.slice(0, 3));
    } else if (skews.length > 0) {
      res.status = 'skew';
      res.notes.length = 0;
      res.notes.push(...skews.slice(0, 5));
    }
  }
  theirs.destroy?.();
}

class Captured extends Error {}

/** The host each client would send an operation to with host prefixes on (captured before sending, nothing sent). */
async function prefixedHosts(
  Ours: new (config: object) => Record<string, (input: object) => Promise<unknown>>,
  method: string,
  oursInput: object,
  official: Official,
  opName: string,
  input: object,
  endpoint: string,
): Promise<{ ours: string; theirs: string }> {
  let ours = 'nothing captured';
  let theirs = 'nothing captured';
  const client = new Ours({ region: 'us-east-1', endpoint, credentials: CREDS, maxAttempts: 1, interceptors: [{ readBeforeTransmit: (c: { endpoint?: URL }) => {
    ours = c.endpoint?.host ?? 'no endpoint';
    throw new Captured();
  } }] });
  await client[method]!(oursInput).catch((e: unknown) => {
    if (!(e instanceof Captured)) ours = `threw ${String(e)}`;
  });
  const aws = new official.Client({ region: 'us-east-1', endpoint, credentials: CREDS, maxAttempts: 1 }) as AnyClient & { middlewareStack: { add(mw: unknown, o: object): void } };
  aws.middlewareStack.add(
    () => async (args: { request: { hostname: string; port?: number } }) => {
      theirs = `${args.request.hostname}${args.request.port ? `:${args.request.port}` : ''}`;
      throw new Captured();
    },
    { step: 'finalizeRequest', priority: 'low' },
  );
  await aws.send(new official.commands[opName]!(structuredClone(input))).catch((e: unknown) => {
    if (!(e instanceof Captured)) theirs = `threw ${String(e)}`;
  });
  return { ours, theirs };
}
