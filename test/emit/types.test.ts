/**
 * Type tests of a generated package, compiled in-process (ts-morph, strict) next to its sources: each
 * `@ts-expect-error` must meet an error (an unused directive is itself an error), and the same file
 * without the directives must fail exactly on those lines, so the directives cannot hide anything else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { typeCheckPackage } from '../../generator/emit/check-types.ts';
import type { EmittedFile } from '../../generator/emit/emit-service.ts';

function packageFiles(folder: string): EmittedFile[] {
  const src = path.resolve('generated', folder, 'src');
  return readdirSync(src)
    .sort()
    .map((f) => ({ path: `src/${f}`, content: readFileSync(path.join(src, f), 'utf8') }));
}

/** Lines of the type test; `EXPECT` marks a line that must not compile. */
const PARTNER_TEST = `
import {
  PartnerCentralAccountAPIClient,
  Status,
  isOtherParticipantAccount,
  visitOtherParticipant,
  validateGetConnectionInput,
  type Account,
  type ConnectionType,
  type GetConnectionResponse,
  type OtherParticipant,
} from './index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const client = new PartnerCentralAccountAPIClient({ region: 'us-east-1' });

// Exactly one member of a union may be set.
const one: OtherParticipant = { PartnerProfile: { Id: 'p' } };
EXPECT const two: OtherParticipant = { PartnerProfile: {}, Account: {} };

// Required input members cannot be omitted.
export async function calls(): Promise<void> {
  const out = await client.getConnection({ Catalog: 'AWS', Identifier: 'c-1' });
  const updated: Equal<typeof out.UpdatedAt, Date | undefined> = true;
  const id: string | undefined = out.Id;
  const status: number = out.$metadata.attempts;
  EXPECT await client.getConnection({ Identifier: 'c-1' });
  EXPECT await client.getConnection({ Catalog: 1, Identifier: 'c-1' });
  void [updated, id, status];
}

// Output unions carry the SDK_UNKNOWN_MEMBER variant.
const unknownMember: OtherParticipant = { SDK_UNKNOWN_MEMBER: { name: 'NewProfile', value: { Id: 'x' } } };
type Unknown = Extract<OtherParticipant, { SDK_UNKNOWN_MEMBER: { name: string } }>;
const hasUnknown: Equal<Unknown['SDK_UNKNOWN_MEMBER'], { name: string; value: unknown }> = true;
EXPECT const unknownAndKnown: OtherParticipant = { SDK_UNKNOWN_MEMBER: { name: 'x', value: 1 }, Account: {} };

// Guards narrow; visitors must handle every member and the unknown one.
function describe(p: OtherParticipant): string {
  if (isOtherParticipantAccount(p)) {
    const account: Account = p.Account;
    return account.Name ?? '';
  }
  return visitOtherParticipant(p, {
    PartnerProfile: (v) => v.Id ?? '',
    SellerProfile: (v) => v.Name ?? '',
    Account: (v) => v.Name ?? '',
    SDK_UNKNOWN_MEMBER: (name) => name,
  });
}
EXPECT visitOtherParticipant(one, { PartnerProfile: () => 1, SellerProfile: () => 2, Account: () => 3 });

// Enums: a frozen const object and a literal union, open to new values in outputs.
const active: Status = Status.ACTIVE;
const openStatus: ConnectionType['Status'] = 'A_VALUE_ADDED_LATER';
EXPECT const closed: Status = 'A_VALUE_ADDED_LATER';
EXPECT Status.ACTIVE = 'CANCELED';

// Validators are assertion functions.
const input: unknown = JSON.parse('{}');
validateGetConnectionInput(input);
const catalog: string = input.Catalog;
const response: GetConnectionResponse = {};
void [one, unknownMember, hasUnknown, describe, active, openStatus, catalog, response];
`;

const BAIDU_TEST = `
import { PeerConnClient, type ListPeerconnsResponse, type TagModel } from './index.js';
import type { MetadataBearer } from '@docsdk/runtime';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const client = new PeerConnClient({ region: 'bj' });
const pages = client.paginateListPeerconns({ vpcId: 'vpc-1' });
const pageType: Equal<typeof pages, AsyncGenerator<ListPeerconnsResponse & MetadataBearer, void, undefined>> = true;
const tag: TagModel = { tagKey: 'k', tagValue: 'v' };
EXPECT const badTag: TagModel = { tagKey: 'k' };
void [pageType, tag];
`;

function check(folder: string, source: string): { withDirectives: string[]; withoutDirectives: string[]; expected: number[] } {
  const lines = source.split('\n');
  const expected = lines.flatMap((l, i) => (l.trimStart().startsWith('EXPECT ') ? [i + 1] : []));
  // Keep line numbers stable: the directive goes on the line above, which is blank or a comment.
  const withDirective = lines.map((l) => l.replace(/^(\s*)EXPECT /, '$1// @ts-expect-error\n$1'));
  const file = (content: string) => [{ path: 'src/type-test.ts', content }];
  const files = packageFiles(folder);
  return {
    withDirectives: typeCheckPackage(folder, files, file(withDirective.join('\n'))),
    withoutDirectives: typeCheckPackage(folder, files, file(lines.map((l) => l.replace(/^(\s*)EXPECT /, '$1')).join('\n'))),
    expected,
  };
}

function errorLines(errors: string[]): number[] {
  return [...new Set(errors.map((e) => Number(/^src\/type-test\.ts:(\d+):/.exec(e)?.[1] ?? -1)))].sort((a, b) => a - b);
}

describe('type tests', () => {
  test('partnercentral-account: union exactly-one, required Catalog, SDK_UNKNOWN_MEMBER, visitors, open enums', () => {
    const r = check('aws-partnercentral-account', PARTNER_TEST);
    expect(r.withDirectives).toEqual([]);
    expect(r.expected.length).toBe(7);
    expect(errorLines(r.withoutDirectives)).toEqual(r.expected);
  });

  test('baidu-vpc: paginator type and required list element members', () => {
    const r = check('baidu-vpc', BAIDU_TEST);
    expect(r.withDirectives).toEqual([]);
    expect(errorLines(r.withoutDirectives)).toEqual(r.expected);
  });

  test('every committed package type-checks under strict', () => {
    for (const folder of readdirSync(path.resolve('generated')).sort()) {
      expect(typeCheckPackage(folder, packageFiles(folder)), folder).toEqual([]);
    }
  });
});
