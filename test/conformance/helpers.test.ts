/**
 * The conformance scorer of paginators and waiters read from the docs (scripts/conformance/helpers.ts),
 * on the boto3 1.43 DynamoDB pages of test/fixtures/boto3-helpers against botocore 1.43.11's own
 * paginators-1.json and waiters-2.json.
 */
import { describe, expect, test } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { addHelperScore, emptyHelperScore, helperFailures, renderHelpersMarkdown, scoreHelpers } from '../../scripts/conformance/helpers.ts';

const MODEL = 'test/fixtures/boto3-helpers/botocore-1.43.11/dynamodb/2012-08-10/service-2.json';
const service = () => loadIR(['test/fixtures/boto3-helpers/dynamodb']).ir.services[0]!;

describe('scoreHelpers', () => {
  test("the pages' two paginators are found and right; Query's result keys (Count, ScannedCount) are not on the page", () => {
    const score = scoreHelpers(service(), MODEL);
    // botocore: ListBackups, ListTables, ListTagsOfResource, Query, Scan; the fixture has ListTables' and Query's pages.
    expect(score.paginators).toEqual({ expected: 5, found: 2, right: 1, facts: 8, factsRight: 7, extra: 0 });
    expect(score.mismatches).toContainEqual({ service: 'dynamodb', name: 'Query', fact: 'result keys', expected: 'Count, Items, ScannedCount', actual: 'Items' });
    expect(score.mismatches).toContainEqual({ service: 'dynamodb', name: 'Scan', fact: 'paginator', expected: 'documented', actual: '(not read)' });
  });

  test("the waiter's operation, delay and attempts are botocore's; the waiters without a page are not found", () => {
    const { waiters } = scoreHelpers(service(), MODEL);
    expect(waiters.found).toBe(1);
    expect(waiters.right).toBe(1);
    expect(waiters.factsRight).toBe(3);
    expect(waiters.expected).toBeGreaterThan(1);
  });

  test('a paginator read wrong is a mismatch: the scorer can fail', () => {
    const s = service();
    s.operations.find((o) => o.name === 'ListTables')!.paginator!.limitKey = 'MaxResults';
    const score = scoreHelpers(s, MODEL);
    expect(score.mismatches).toContainEqual({ service: 'dynamodb', name: 'ListTables', fact: 'limit key', expected: 'Limit', actual: 'MaxResults' });
    const total = emptyHelperScore();
    addHelperScore(total, score);
    expect(helperFailures(total)).toContain('paginators found 40.00% < 99%');
    expect(renderHelpersMarkdown([{ row: 'r', total }])).toContain('| r | 0/5 (0.00%) | 2 |');
  });
});
