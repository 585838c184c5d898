/**
 * Union values the runtime reads can all be visited (issue 18 §5): for any JSON the service may send as
 * the committed partnercentral-account package's OtherParticipant union (its members, unknown names,
 * `__type`, `null`s, `{}`), the runtime's deserialiser either refuses it (a TypeError, which the client
 * turns into a ResponseParseError) or gives a value with exactly one member set, and the generated
 * `visitOtherParticipant` calls exactly one handler — never throws. An unknown member keeps its raw
 * value; a `{}` element of a list of unions stays an element. fast-check property, fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserialize } from '../../runtime/src/serde.ts';
import type { ServiceSchema } from '../../runtime/src/schema.ts';
import { serviceSchema } from '../../generated/aws-partnercentral-account/src/schema.ts';
import { visitOtherParticipant, type OtherParticipant, type OtherParticipantVisitor } from '../../generated/aws-partnercentral-account/src/types.ts';

const MEMBERS = ['PartnerProfile', 'SellerProfile', 'Account'];
// The committed schema plus a list of the union, as a service may return one.
const schema: ServiceSchema = { ...serviceSchema, shapes: { ...serviceSchema.shapes, OtherParticipantList: { type: 'list', member: 'OtherParticipant' } } };

const handlers: OtherParticipantVisitor<string | { name: string; value: unknown }> = {
  PartnerProfile: () => 'PartnerProfile',
  SellerProfile: () => 'SellerProfile',
  Account: () => 'Account',
  SDK_UNKNOWN_MEMBER: (name: string, value: unknown) => ({ name, value }),
};

/** A JSON object as a service could send for the union: known and unknown keys, `__type`, nulls. */
const unionJson = fc.dictionary(fc.oneof(fc.constantFrom(...MEMBERS, '__type', '__proto__', 'constructor', ''), fc.string()), fc.oneof(fc.constant(null), fc.jsonValue()), { maxKeys: 4 });

/** Where the deserialiser refuses the JSON (a member of the wrong kind): the client's ResponseParseError. */
const REFUSED = Symbol('refused');

/** The value read, or REFUSED. */
function read(id: string, json: unknown): unknown {
  try {
    return deserialize(schema, id, json);
  } catch (e) {
    if (e instanceof TypeError) return REFUSED;
    throw e;
  }
}

describe('visiting what the deserialiser gives', () => {
  it('every union value read has one member set and visits without throwing', () => {
    fc.assert(
      fc.property(unionJson, (json) => {
        const value = read('OtherParticipant', json) as OtherParticipant | typeof REFUSED;
        fc.pre(value !== REFUSED);
        const set = Object.keys(value!).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
        expect(set).toHaveLength(1);
        const result = visitOtherParticipant(value!, handlers);
        if (typeof result === 'string') expect(MEMBERS).toContain(result);
        else expect(json).toMatchObject(result.name === '' ? {} : { [result.name]: result.value });
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('every element of a list of unions is kept and visits, {} too', () => {
    fc.assert(
      fc.property(fc.array(unionJson, { maxLength: 5 }), (json) => {
        const list = read('OtherParticipantList', json) as OtherParticipant[] | typeof REFUSED;
        fc.pre(list !== REFUSED);
        expect(list).toHaveLength(json.length);
        for (const v of list!) expect(() => visitOtherParticipant(v, handlers)).not.toThrow();
      }),
      { seed: 18, numRuns: 1000 },
    );
  });

  it.each([
    [[{}], [{ SDK_UNKNOWN_MEMBER: { name: '', value: {} } }]],
    [[{ Future: { Id: 'x', n: [1, null] } }], [{ SDK_UNKNOWN_MEMBER: { name: 'Future', value: { Id: 'x', n: [1, null] } } }]],
    [[{ Account: { Name: 'n' } }, { __type: 'x' }], [{ Account: { Name: 'n' } }, { SDK_UNKNOWN_MEMBER: { name: '', value: { __type: 'x' } } }]],
  ])('%j reads as %j', (json, want) => {
    expect(read('OtherParticipantList', json)).toEqual(want);
  });
});
