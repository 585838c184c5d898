/**
 * Generated validators, run from the committed packages: each problem with its path, all problems of an
 * input together, valid inputs pass, unknown enum values pass, and the client runs them before any I/O.
 */
import { ValidationError } from '@docsdk/runtime';
import { describe, expect, test } from 'vitest';
import {
  PartnerCentralAccountAPIClient,
  validateGetConnectionInput,
  validateGetConnectionOutput,
} from '../../generated/aws-partnercentral-account/src/index.ts';
import { PeerConnClient, validateCreatePeerconnInput } from '../../generated/baidu-vpc/src/index.ts';
import { problemsOf } from './helpers.ts';

const validPeerconn = {
  bandwidthInMbps: 10,
  localVpcId: 'vpc-a',
  peerVpcId: 'vpc-b',
  peerRegion: 'bj',
  tags: [{ tagKey: 'env', tagValue: 'prod' }],
};

describe('generated validators', () => {
  test('a valid input passes', () => {
    expect(problemsOf(() => validateGetConnectionInput({ Catalog: 'AWS', Identifier: 'c-1' }))).toEqual([]);
    expect(problemsOf(() => validateCreatePeerconnInput(validPeerconn))).toEqual([]);
  });

  test('missing required members, by path', () => {
    expect(problemsOf(() => validateGetConnectionInput({ Identifier: 'c-1' }))).toEqual([{ path: 'Catalog', message: 'required' }]);
  });

  test('wrong types, by path', () => {
    expect(problemsOf(() => validateGetConnectionInput({ Catalog: 7, Identifier: 'c-1' }))).toEqual([
      { path: 'Catalog', message: 'expected string' },
    ]);
    expect(problemsOf(() => validateCreatePeerconnInput({ ...validPeerconn, bandwidthInMbps: 1.5, deleteProtect: 'yes' }))).toEqual([
      { path: 'bandwidthInMbps', message: 'expected integer' },
      { path: 'deleteProtect', message: 'expected boolean' },
    ]);
    expect(problemsOf(() => validateGetConnectionInput('not an object'))).toEqual([{ path: '', message: 'expected object' }]);
  });

  test('nested list errors carry the element index and member', () => {
    const tags = [{ tagKey: 'a', tagValue: 'b' }, { tagValue: 'no key' }, { tagKey: 'k', tagValue: 3 }];
    expect(problemsOf(() => validateCreatePeerconnInput({ ...validPeerconn, tags }))).toEqual([
      { path: 'tags[1].tagKey', message: 'required' },
      { path: 'tags[2].tagValue', message: 'expected string' },
    ]);
    expect(problemsOf(() => validateCreatePeerconnInput({ ...validPeerconn, tags: { 0: 'x' } }))).toEqual([
      { path: 'tags', message: 'expected array' },
    ]);
  });

  test('a union with two members set is reported at its path; an unknown member is accepted in outputs only', () => {
    const output = (other: unknown) => ({ ConnectionTypes: { Type1: { OtherParticipant: other } } });
    expect(problemsOf(() => validateGetConnectionOutput(output({ PartnerProfile: { Id: 'p' }, Account: { Name: 'a' } })))).toEqual([
      {
        path: 'ConnectionTypes["Type1"].OtherParticipant',
        message: 'exactly one of PartnerProfile, SellerProfile, Account must be set, found 2',
      },
    ]);
    expect(problemsOf(() => validateGetConnectionOutput(output({ SDK_UNKNOWN_MEMBER: { name: 'New' } })))).toEqual([]);
    expect(problemsOf(() => validateGetConnectionOutput(output({ Account: { Name: 5 } })))).toEqual([
      { path: 'ConnectionTypes["Type1"].OtherParticipant.Account.Name', message: 'expected string' },
    ]);
  });

  test('unknown enum values are not rejected', () => {
    const output = { ConnectionTypes: { T: { Status: 'SOME_FUTURE_STATUS' } } };
    expect(problemsOf(() => validateGetConnectionOutput(output))).toEqual([]);
  });

  test('every problem of an input is reported at once, in member order', () => {
    const bad = { bandwidthInMbps: '10', peerVpcId: 1, peerRegion: 'bj', tags: [{}], billing: 'monthly' };
    const problems = problemsOf(() => validateCreatePeerconnInput(bad));
    expect(problems).toEqual([
      { path: 'bandwidthInMbps', message: 'expected integer' },
      { path: 'localVpcId', message: 'required' },
      { path: 'peerVpcId', message: 'expected string' },
      { path: 'billing', message: 'expected object' },
      { path: 'tags[0].tagKey', message: 'required' },
      { path: 'tags[0].tagValue', message: 'required' },
    ]);
    const e = (() => {
      try {
        validateCreatePeerconnInput(bad);
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e?.message).toContain('6 validation problems');
  });

  test('clients validate before any I/O unless validate: false', async () => {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' } });
    }) as typeof globalThis.fetch;
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
    const client = new PartnerCentralAccountAPIClient({ region: 'us-east-1', credentials, fetch });
    await expect(client.getConnection({ Identifier: 'x' } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toBe(0);
    const lax = new PartnerCentralAccountAPIClient({ region: 'us-east-1', credentials, fetch, validate: false });
    await lax.getConnection({ Identifier: 'x' } as never);
    expect(calls).toBe(1);
    const strictOut = new PartnerCentralAccountAPIClient({
      region: 'us-east-1',
      credentials,
      validateResponses: true,
      fetch: (async () => new Response('{"Id": 5}', { status: 200 })) as typeof globalThis.fetch,
    });
    const err = await strictOut.getConnection({ Catalog: 'AWS', Identifier: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([{ path: 'Id', message: 'expected string' }]);
  });

  test('the Baidu client validates nested inputs too', async () => {
    const client = new PeerConnClient({ region: 'bj', credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' } });
    const err = await client.createPeerconn({ ...validPeerconn, tags: [{ tagKey: 'k' }] } as never).catch((e: unknown) => e);
    expect((err as ValidationError).problems).toEqual([{ path: 'tags[0].tagValue', message: 'required' }]);
  });
});
