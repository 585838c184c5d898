import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildService } from '../../generator/ir/build.ts';
import { readBoto3Rst } from '../../generator/read/boto3-rst.ts';
import { readChunked } from '../../generator/read/chunked.ts';

// A whole-service page as boto3 1.26's documenter writes it: one client class with every method,
// then paginator and waiter classes (real, from Debian's python3-boto3).
const file = 'test/fixtures/boto3-whole/cloudcontrol.rst';
const text = readFileSync(file, 'utf8');
const page = readBoto3Rst(text, file);

describe('boto3 RST reader on a whole-service page', () => {
  it('reads every client operation and nothing else as one', () => {
    expect(page.diagnostics).toEqual([]);
    expect(page.operations.map((o) => o.name)).toEqual([
      'CancelResourceRequest', 'CreateResource', 'DeleteResource', 'GetResource',
      'GetResourceRequestStatus', 'ListResourceRequests', 'ListResources', 'UpdateResource',
    ]);
    expect(page.service).toMatchObject({ clientName: 'CloudControlApi', apiVersion: '2021-09-30' });
    // The "See also" link names the model's uid, not always the service id (finspace-data's pages link
    // to finspace-…): a whole-service page without a breadcrumb takes its id from its folder or file.
    expect(page.service.id).toBeUndefined();
  });

  it('recognises client helpers as sections that are not operations; paginators and waiters are read (issue 18)', () => {
    expect(page.skipped.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'other CloudControlApi.Client.can_paginate',
      'other CloudControlApi.Client.close',
      'other CloudControlApi.Client.get_paginator',
      'other CloudControlApi.Client.get_waiter',
    ]);
    expect(page.paginators?.map((p) => `${p.name} ${p.method}`)).toEqual(['ListResourceRequests list_resource_requests', 'ListResources list_resources']);
    expect(page.waiters?.map((w) => `${w.name} ${w.method} ${w.delay} ${w.maxAttempts}`)).toEqual(['ResourceRequestSuccess get_resource_request_status 5 24']);
  });

  it('locates each operation at its py:method line', () => {
    expect(page.operations.find((o) => o.method === 'get_resource')?.source).toEqual({ file, line: 896 });
  });

  it('reads a method the same in chunks as whole (the thread pool reads large pages in chunks)', () => {
    const chunked = readChunked(text, file, 10_000);
    expect(chunked.operations).toEqual(page.operations);
    expect(chunked.skipped).toEqual(page.skipped);
    expect(chunked.paginators).toEqual(page.paginators);
    expect(chunked.waiters).toEqual(page.waiters);
  });

  it('builds the service: errors and required members of GetResource', () => {
    const whole = buildService({ folderId: 'cloudcontrol', settings: {}, pages: [page] });
    expect(whole.operations).toHaveLength(8);
    const op = whole.operations.find((o) => o.name === 'GetResource')!;
    expect(op.errors).toContain('ResourceNotFoundException');
    const input = whole.shapes[op.input];
    expect(input?.type === 'structure' && Object.entries(input.members).map(([n, m]) => `${n}${m.required ? '!' : ''}`)).toEqual([
      'TypeName!', 'TypeVersionId', 'RoleArn', 'Identifier!',
    ]);
  });
});

describe('pagination the docs show by a NextToken pair', () => {
  const service = buildService({ folderId: 'cloudcontrol', settings: {}, pages: [page] });
  const paginatorOf = (name: string) => service.operations.find((o) => o.name === name)?.paginator;

  it('ListResources pages by NextToken, MaxResults, over ResourceDescriptions (from its documented paginator)', () => {
    expect(paginatorOf('ListResources')).toEqual({
      inputToken: 'NextToken',
      outputToken: 'NextToken',
      limitKey: 'MaxResults',
      items: 'ResourceDescriptions',
      resultKeys: ['ResourceDescriptions'],
      source: { file, line: 2358 },
    });
  });

  it('an operation without the pair has none', () => {
    expect(paginatorOf('GetResource')).toBeUndefined();
    expect(paginatorOf('CreateResource')).toBeUndefined();
  });
});
