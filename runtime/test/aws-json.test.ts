/**
 * What the smithy cases (./aws-json.smithy.test.ts) leave open about AWS JSON errors: which source
 * of the code wins when several are present, and how a code is cut.
 */
import { describe, expect, test } from 'vitest';
import { parseAwsJsonError, sanitizeAwsErrorCode } from '../src/aws-json.ts';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('parseAwsJsonError', () => {
  test('X-Amzn-Errortype wins over the body; the body`s code (any case) over __type', () => {
    const body = { __type: 'TypeError1', Code: 'CodeError', message: 'm' };
    expect(parseAwsJsonError(400, headers({ 'x-amzn-errortype': 'HeaderError' }), body).code).toBe('HeaderError');
    expect(parseAwsJsonError(400, headers({}), body).code).toBe('CodeError');
    expect(parseAwsJsonError(400, headers({}), { __type: 'TypeError1', CODE: 'Shouted' }).code).toBe('Shouted');
    expect(parseAwsJsonError(400, headers({}), { __type: 'ns#TypeError1' }).code).toBe('TypeError1');
  });
  test('the code member is not a field; other members are, and Message is the message', () => {
    const e = parseAwsJsonError(400, headers({}), { code: 'X', Message: 'Hi', Reason: 'r' });
    expect(e).toEqual({ code: 'X', message: 'Hi', fields: { Reason: 'r' } });
  });
  test('x-amzn-query-error gives Code and Type fields; the code stays the shape name', () => {
    const e = parseAwsJsonError(400, headers({ 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' }), { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'gone' });
    expect(e).toEqual({ code: 'QueueDoesNotExist', message: 'gone', fields: { Code: 'AWS.SimpleQueueService.NonExistentQueue', Type: 'Sender' } });
    // Without any other code, the query code names the error.
    expect(parseAwsJsonError(400, headers({ 'x-amzn-query-error': 'Customized;Sender' }), undefined).code).toBe('Customized');
  });
  test('no code at all: one made of the status', () => {
    expect(parseAwsJsonError(503, headers({}), undefined).code).toBe('Http503Error');
    expect(parseAwsJsonError(429, headers({}), {}).code).toBe('TooManyRequestsException');
  });
});

describe('sanitizeAwsErrorCode', () => {
  test('cuts at the first comma, then the first colon, and keeps what follows #', () => {
    expect(sanitizeAwsErrorCode('FooError,BarError')).toBe('FooError');
    expect(sanitizeAwsErrorCode('aws.protocoltests.json#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/')).toBe('FooError');
    expect(sanitizeAwsErrorCode('ns#FooError,other:x')).toBe('FooError');
  });
});
