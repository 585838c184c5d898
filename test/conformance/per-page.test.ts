/**
 * The conformance rules for boto3 1.43's per-method pages (scripts/conformance/per-page.ts and the
 * scorer, test/helpers/botocore.ts), on real pages and excerpts of the botocore 1.43.11 models that
 * wrote them: a hidden section's facts are "not shown", neither right nor wrong; a wrong type is
 * wrong; a client method page that gives no operation is listed, a helper page is not.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { buildService } from '../../generator/ir/build.ts';
import type { Service } from '../../generator/ir/model.ts';
import { readDocument } from '../../generator/read/registry.ts';
import { belowRecursionOf, loadModelAsBotocore, modelFileOf, pageOfDoc, pagesOfService, scorePageService, type PageReading } from '../../scripts/conformance/per-page.ts';
import { failuresOf, renderReportMarkdown, totalsOf, type RowResult, type ServiceResult } from '../../scripts/conformance/report.ts';
import { loadBotocoreModel, scoreService, shownSections, type BotocoreModel } from '../helpers/botocore.ts';

const CORPUS = 'test/fixtures/conformance-143';
const PAGES = 'test/fixtures/boto3-143-pages';
const MODELS = 'test/fixtures/facts/aws/botocore-1.43.11';
const glue = () => loadBotocoreModel(`${MODELS}/glue.service-2.json`);
const securityhub = () => loadBotocoreModel(`${MODELS}/securityhub.service-2.json`);

/** A page read as the conformance run reads it, from its file or from a text standing in for it. */
function reading(doc: string, file: string, text = readFileSync(file, 'utf8')): PageReading {
  return { page: pageOfDoc(doc, file)!, bytes: text.length, reading: readDocument(text, file) };
}

const glueDoc = (rel: string) => `reference/services/glue/${rel}`;
const glueFile = (rel: string) => `${CORPUS}/${glueDoc(rel)}.rst`;

describe('a per-page corpus folder', () => {
  test('its pages are found below the service folder and told apart by document name', () => {
    expect(pagesOfService(CORPUS, 'glue').map((p) => [p.doc, p.kind, p.method])).toEqual([
      [glueDoc('client/can_paginate'), 'client', 'can_paginate'],
      [glueDoc('client/get_job'), 'client', 'get_job'],
      [glueDoc('client/update_job'), 'client', 'update_job'],
      [glueDoc('paginator/GetJobs'), 'paginator', undefined],
    ]);
    expect(pageOfDoc('reference/services/glue', 'glue.rst')?.kind).toBe('index');
    expect(pageOfDoc('reference/services/cloudformation/event/client_request_token', 'x.rst')?.kind).toBe('resource');
    expect(pageOfDoc('index', 'index.rst')).toBeUndefined();
  });
});

describe('pages in, operations out', () => {
  test('every operation page gives its operation; the helper and paginator pages give none and are not listed', () => {
    const readings = pagesOfService(CORPUS, 'glue').map((p) => reading(p.doc, p.file));
    const result = scorePageService('glue', readings, glue(), false);
    expect(result.pages).toMatchObject({ total: 4, client: 3, helpers: 1, unlisted: [], helpersAsOperations: [] });
    expect([result.documented, result.found]).toEqual([2, 2]);
    // The paginator page is read as a paginator (issue 18), not skipped.
    expect(result.skipped).not.toHaveProperty('paginator');
  });

  test('a client method page that gives no operation is listed, with why', () => {
    // get_job's page cut before its method directive: a title and nothing the reader can take an operation from.
    const whole = readFileSync(glueFile('client/get_job'), 'utf8');
    const cut = whole.slice(0, whole.indexOf('.. py:method::'));
    const readings = [reading(glueDoc('client/get_job'), glueFile('client/get_job'), cut), reading(glueDoc('client/update_job'), glueFile('client/update_job'))];
    const result = scorePageService('glue', readings, glue(), true);
    expect([result.documented, result.found]).toEqual([2, 1]);
    expect(result.pages!.unlisted).toEqual([{ page: glueDoc('client/get_job'), reason: expect.stringMatching(/^gives no operation/) }]);
    // The model's operations are all documented: one page per operation, whatever it gave.
    expect(result.undocumented).toEqual([]);
  });

  test('a model operation no page documents is listed as without a page', () => {
    const readings = [reading(glueDoc('client/update_job'), glueFile('client/update_job'))];
    expect(scorePageService('glue', readings, glue(), true).undocumented).toEqual(['GetJob']);
  });
});

describe('facts the page does not show', () => {
  test('hidden Response Syntax and Structure: the output is not shown, the input is scored and right', () => {
    const result = scorePageService('glue', [reading(glueDoc('client/get_job'), glueFile('client/get_job'))], glue(), false);
    expect(result.mismatches).toEqual([]);
    const score = scoreOne('glue', glueFile('client/get_job'), glue());
    expect(score.notShown).toContainEqual({ path: 'GetJob.output.Job', kind: 'member' });
    expect(score.facts.filter((f) => f.path.startsWith('GetJob.output.'))).toEqual([]);
    expect(score.facts).toContainEqual({ path: 'GetJob.input.JobName', kind: 'required' });
    expect(score.facts).toContainEqual({ path: 'GetJob.errors.EntityNotFoundException', kind: 'error' });
    expect(result.notShown).toBe(score.notShown.length);
    expect(result.pages!.incomplete).toEqual({ 'Response Syntax: hidden': 1, 'Response Structure: hidden': 1 });
  });

  test('hidden Request Syntax and Parameters: the input is not shown, the output is scored', () => {
    const score = scoreOne('glue', glueFile('client/update_job'), glue());
    expect(score.mismatches).toEqual([]);
    expect(score.notShown).toContainEqual({ path: 'UpdateJob.input.JobName', kind: 'member' });
    expect(score.notShown).toContainEqual({ path: 'UpdateJob.input.JobUpdate', kind: 'member' });
    expect(score.facts.filter((f) => f.path.startsWith('UpdateJob.input.'))).toEqual([]);
    expect(score.facts).toContainEqual({ path: 'UpdateJob.output.JobName', kind: 'member' });
  });

  test('hidden Parameters, Request Syntax shown: members and types scored, whether each is required not shown', () => {
    const score = scoreOne('securityhub', `${PAGES}/securityhub/client/update_insight.rst`, securityhub());
    expect(score.mismatches).toEqual([]);
    expect(score.facts).toContainEqual({ path: 'UpdateInsight.input.InsightArn', kind: 'member' });
    expect(score.facts).toContainEqual({ path: 'UpdateInsight.input.InsightArn', kind: 'type' });
    expect(score.notShown).toContainEqual({ path: 'UpdateInsight.input.InsightArn', kind: 'required' });
    expect(score.facts.filter((f) => f.kind === 'required')).toEqual([]);
  });

  test('a wrong type on a shown section is wrong, not "not shown"', () => {
    const text = readFileSync(glueFile('client/get_job'), 'utf8').replace("JobName='string'", 'JobName=123').replace(':type JobName: string', ':type JobName: integer');
    const result = scorePageService('glue', [reading(glueDoc('client/get_job'), glueFile('client/get_job'), text)], glue(), false);
    expect(result.mismatches).toEqual([{ path: 'GetJob.input.JobName', kind: 'type', expected: 'string', actual: 'integer', explanation: null }]);
    expect(result.found).toBe(1);
  });

  test('which facts each section shows', () => {
    expect(shownSections({})).toMatchObject({ input: true, required: true, output: true, errors: true, whole: true });
    expect(shownSections({ incomplete: [{ section: 'Parameters', state: 'hidden' }] })).toMatchObject({ input: true, inputEnums: true, required: false, inputEntries: false, whole: false });
    expect(shownSections({ incomplete: [{ section: 'Request Syntax', state: 'hidden' }] })).toMatchObject({ input: true, inputEnums: false, required: true });
    expect(shownSections({ incomplete: [{ section: 'Response Syntax', state: 'hidden' }] })).toMatchObject({ output: true, outputEnums: false, outputEntries: true });
    // A page that ends before its return type (cut before its Request Syntax) shows neither input nor output.
    const ended = shownSections({ incomplete: [{ section: 'Request Syntax', state: 'missing' }, { section: 'Return type', state: 'missing' }] });
    expect(ended).toMatchObject({ input: false, required: false, output: false, errors: false });
  });

  test('structure for union is not shown where the entries are hidden; unknown required on a whole page is flagged', () => {
    const model = {
      metadata: {},
      operations: { Get: { name: 'Get', input: { shape: 'In' }, output: { shape: 'Out' } } },
      shapes: {
        In: { type: 'structure', required: ['id'], members: { id: { shape: 'S' } } },
        Out: { type: 'structure', members: { choice: { shape: 'U' } } },
        U: { type: 'structure', union: true, members: { a: { shape: 'S' } } },
        S: { type: 'string' },
      },
    } as unknown as BotocoreModel;
    const service = (incomplete?: Service['operations'][number]['incomplete']): Service =>
      ({
        id: 'x',
        provider: 'aws',
        clientName: 'X',
        operations: [{ name: 'Get', method: 'get', documentation: '', input: 'In', output: 'Out', errors: [], deprecated: false, sources: [], ...(incomplete ? { incomplete } : {}) }],
        shapes: {
          In: { type: 'structure', members: { id: { target: 'String', unknown: ['required'] } } },
          Out: { type: 'structure', members: { choice: { target: 'Choice' } } },
          Choice: { type: 'structure', members: { a: { target: 'String' } } },
          String: { type: 'string' },
        },
      }) as Service;
    const hidden = scoreService(service([{ section: 'Response Structure', state: 'hidden' }]), model);
    expect(hidden.mismatches).toEqual([]);
    expect(hidden.notShown).toEqual([
      { path: 'Get.input.id', kind: 'required' },
      { path: 'Get.output.choice', kind: 'type' },
    ]);
    const whole = scoreService(service(), model);
    expect(whole.mismatches).toEqual([{ path: 'Get.output.choice', kind: 'type', expected: 'union', actual: 'structure' }]);
    expect(whole.notShown).toEqual([{ path: 'Get.input.id', kind: 'required', onWholePage: true }]);
    // A member whose type the page does not show (`unknown: ['type']`): its type and all below it are not shown.
    const typeUnknown = service();
    (typeUnknown.shapes.Out as { members: Record<string, { target: string; unknown?: string[] }> }).members.choice!.unknown = ['type'];
    const score = scoreService(typeUnknown, model);
    expect(score.mismatches).toEqual([]);
    expect(score.notShown).toContainEqual({ path: 'Get.output.choice', kind: 'type' });
    expect(score.facts).toContainEqual({ path: 'Get.output.choice', kind: 'member' });
  });
});

describe('below a recursion cut', () => {
  test("facts reached through a recursive type the docs cut short are not shown, right or wrong; the rule's disagreements are kept", () => {
    // The model: Slot → values[] → Slot; the docs cut the inner Slot short and the IR referred it to `Other`.
    const model = {
      metadata: {},
      operations: { Put: { name: 'Put', input: { shape: 'PutRequest' } } },
      shapes: {
        PutRequest: { type: 'structure', members: { slot: { shape: 'Slot' } } },
        Slot: { type: 'structure', members: { value: { shape: 'Value' }, values: { shape: 'Slots' } } },
        Slots: { type: 'list', member: { shape: 'Slot' } },
        Value: { type: 'structure', required: ['interpretedValue'], members: { interpretedValue: { shape: 'S' } } },
        S: { type: 'string' },
      },
    } as unknown as BotocoreModel;
    const service = {
      id: 'x',
      provider: 'aws',
      clientName: 'X',
      operations: [{ name: 'Put', method: 'put', documentation: '', input: 'PutRequest', output: 'PutResponse', errors: [], deprecated: false, sources: [] }],
      shapes: {
        PutRequest: { type: 'structure', members: { slot: { target: 'Slot' } } },
        PutResponse: { type: 'structure', members: {} },
        Slot: { type: 'structure', members: { value: { target: 'Value' }, values: { target: 'OtherList' } } },
        OtherList: { type: 'list', member: 'Other' },
        Other: { type: 'structure', members: { value: { target: 'LooseValue' }, values: { target: 'OtherList' } } },
        Value: { type: 'structure', members: { interpretedValue: { target: 'S', required: true } } },
        LooseValue: { type: 'structure', members: { interpretedValue: { target: 'S' } } },
        S: { type: 'string' },
      },
    } as unknown as Service;
    const score = scoreService(service, model, { recursionNotShown: true });
    expect(score.mismatches).toEqual([]);
    expect(score.notShown).toContainEqual({ path: 'Put.input.slot.values[].value.interpretedValue', kind: 'required', belowRecursion: true, expected: 'true', actual: 'false' });
    expect(score.notShown).toContainEqual({ path: 'Put.input.slot.values[].value', kind: 'member', belowRecursion: true });
    // Above the cut, facts are compared as usual.
    expect(score.facts).toContainEqual({ path: 'Put.input.slot.value.interpretedValue', kind: 'required' });
    expect(belowRecursionOf(score.notShown)).toMatchObject({ disagree: 1, examples: [{ path: 'Put.input.slot.values[].value.interpretedValue', kind: 'required', expected: 'true', actual: 'false' }] });
  });
});

describe('botocore 1.43 models', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'docsdk-models-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the latest version is read gzipped, with its sdk-extras merged as botocore merges them', () => {
    const model = { metadata: { apiVersion: '2006-03-01' }, operations: {}, shapes: { Expires: { type: 'string' }, Other: { type: 'string', enum: ['A'] } } };
    for (const version of ['2001-01-01', '2006-03-01']) {
      mkdirSync(path.join(dir, 's3', version), { recursive: true });
      writeFileSync(path.join(dir, 's3', version, 'service-2.json.gz'), gzipSync(JSON.stringify({ ...model, metadata: { apiVersion: version } })));
    }
    writeFileSync(path.join(dir, 's3', '2006-03-01', 'service-2.sdk-extras.json'), JSON.stringify({ version: 1, merge: { shapes: { Expires: { type: 'timestamp' } } } }));
    const file = modelFileOf(dir, 's3')!;
    expect(path.relative(dir, file)).toBe(path.join('s3', '2006-03-01', 'service-2.json.gz'));
    const loaded = loadModelAsBotocore(file);
    expect(loaded.metadata.apiVersion).toBe('2006-03-01');
    expect(loaded.shapes).toEqual({ Expires: { type: 'timestamp' }, Other: { type: 'string', enum: ['A'] } });
    expect(modelFileOf(dir, 'nothing')).toBeUndefined();
  });
});

/** The score of the one service a page gives. */
function scoreOne(service: string, file: string, model: BotocoreModel) {
  return scoreService(buildService({ folderId: service, settings: {}, pages: [readDocument(readFileSync(file, 'utf8'), file)] }), model);
}

describe('the report', () => {
  test('a rendering is one more row, held to its own targets', () => {
    const service = scorePageService('glue', pagesOfService(CORPUS, 'glue').map((p) => reading(p.doc, p.file)), glue(), false);
    const row = (id: string, rendering: RowResult['rendering'], services: ServiceResult[], factsRight: number): RowResult => {
      const r: RowResult = { id, title: id, boto3: '1.43.11', rendering, targets: { operationsFound: 1, factsRight }, services, totals: totalsOf(services), failures: [], seconds: 1 };
      r.failures = failuresOf(r);
      return r;
    };
    const missing = { ...service, found: service.found - 1 };
    // One wrong fact in 500: below the 1.43 RST row's 99.9%, within a rendering's 99.5%.
    const oneIn500 = { ...service, facts: 500, mismatches: [{ path: 'GetJob.input.JobName', kind: 'required' as const, expected: 'true', actual: 'false', explanation: null }] };
    const rows = [
      row('boto3-1.43/rst', { source: 'rst', layout: 'per-page', sample: false }, [service], 0.999),
      row('boto3-1.43/text/furo/w3m', { source: 'text', layout: 'per-page', theme: 'furo', extractor: 'w3m', sample: true }, [missing], 0.995),
      row('boto3-1.43/html/furo', { source: 'html', layout: 'per-page', theme: 'furo', sample: true }, [oneIn500], 0.995),
      row('boto3-1.43/rst', { source: 'rst', layout: 'per-page', sample: false }, [oneIn500], 0.999),
    ];
    expect(rows.map((r) => r.failures)).toEqual([[], ['1 of 2 operations with a page not found'], [], ['facts right 99.800% < 99.9%']]);
    const md = renderReportMarkdown({ scope: 'ci', command: 'npm run conformance', rows });
    expect(md).toContain('| boto3-1.43/rst | 1 | 4 | 2 / 2 (100.000%) |');
    expect(md).toContain('HTML (furo) → w3m (a sample of pages)');
    expect(md).toContain('| boto3-1.43/html/furo | 1 | 4 | 2 / 2 (100.000%) | 499 / 500 (99.800%) |');
    expect(md).toContain('**below target**: 1 of 2 operations with a page not found');
  });
});
