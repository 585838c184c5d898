/**
 * Error classes with what boto3's exception pages document: a literal `name`, the page's
 * documentation, and typed members (DynamoDB TransactionCanceledException.CancellationReasons).
 */
import { describe, expect, test } from 'vitest';
import { dynamodbPackage } from './helpers-fixture.ts';

describe('DynamoDB errors from its boto3 pages', () => {
  test('every error class has a literal name; the documented one its members and documentation', () => {
    const { view, file } = dynamodbPackage();
    const errors = file('src/errors.ts');
    for (const e of view.errors.errors) expect(errors).toContain(`override readonly name = '${e.code}';`);
    const tce = view.errors.errors.find((e) => e.code === 'TransactionCanceledException')!;
    expect(tce.members.map((m) => m.wire)).toEqual(['Message', 'CancellationReasons']);
    expect(tce.doc.text).toMatch(/^The entire transaction request was canceled\./);
    expect(errors).toMatch(/declare readonly CancellationReasons\?: CancellationReason(List)?(\[\])?;/);
    expect(errors).toMatch(/^import type .* from '\.\/types\.js';$/m);
  });
});
