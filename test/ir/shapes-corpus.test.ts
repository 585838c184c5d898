/**
 * The shape naming rule (generator/ir/shapes.ts, rule 4) on real services of the conformance corpus
 * (git-ignored, skipped when not built): every structure and union the docs show identically in several
 * places is one shape — only operation inputs and outputs, named per operation by rule 1, may repeat one
 * another — under the name its rule gives (DynamoDB's AttributeValue, not `Item`, `Value`, `Response3`…).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Service } from '../../generator/ir/model.ts';
import { loadIR } from '../../generator/pipeline/load-ir.ts';

/** A shape's content with its targets' content in place of their ids (a repeat on the path as its distance). */
function contentOf(service: Service, id: string, path: readonly string[] = []): string {
  const shape = service.shapes[id];
  if (!shape) return `missing ${id}`;
  if (path.includes(id)) return `up ${path.length - path.indexOf(id)}`;
  const inner = [...path, id];
  const parts: unknown[] = [shape.type, shape.documentation ?? ''];
  if (shape.type === 'structure' || shape.type === 'union') {
    parts.push(shape.eventStream ?? false);
    for (const [name, m] of Object.entries(shape.members)) parts.push([name, m.required ?? false, m.unknown ?? [], m.documentation ?? '', m.idempotencyToken ?? false, m.documentedName ?? '', contentOf(service, m.target, inner)]);
  } else if (shape.type === 'list') parts.push(contentOf(service, shape.member, inner));
  else if (shape.type === 'map') parts.push(contentOf(service, shape.key, inner), contentOf(service, shape.value, inner));
  else parts.push('enum' in shape ? (shape.enum ?? []) : []);
  return JSON.stringify(parts);
}

/** Groups of two or more non-root structures and unions with the same content. */
function repeated(service: Service): string[][] {
  const roots = new Set(service.operations.flatMap((o) => [o.input, o.output]));
  const byContent = new Map<string, string[]>();
  for (const [id, shape] of Object.entries(service.shapes)) {
    if ((shape.type !== 'structure' && shape.type !== 'union') || roots.has(id)) continue;
    const key = contentOf(service, id);
    byContent.set(key, [...(byContent.get(key) ?? []), id]);
  }
  return [...byContent.values()].filter((ids) => ids.length > 1);
}

const services = new Map<string, Service>();
function service(name: string): Service {
  if (!services.has(name)) services.set(name, loadIR([path.join('corpus', 'services', `${name}.rst`)]).ir.services[0]!);
  return services.get(name)!;
}

describe('shared shapes on the corpus', () => {
  // Before rule 4 (this test at 2829d33): dynamodb 61 extra copies of 23 shapes (AttributeValue 11 times), ecs 75 of 26, lexv2-models 3,639 of 81.
  test.for(['dynamodb', 'ecs', 'lexv2-models'])('%s: each shared structure or union is emitted once', { timeout: 60_000 }, (name, ctx) => {
    ctx.skip(!existsSync(path.join('corpus', 'services', `${name}.rst`)), `corpus/services/${name}.rst is not built (scripts/conformance-corpus ${name})`);
    expect(repeated(service(name))).toEqual([]);
  });

  test('dynamodb: AttributeValue is one shape, named AttributeValue, and every use refers to it', { timeout: 60_000 }, (ctx) => {
    ctx.skip(!existsSync('corpus/services/dynamodb.rst'), 'corpus/services/dynamodb.rst is not built');
    const s = service('dynamodb');
    const attributeValues = Object.entries(s.shapes).filter(([, sh]) => sh.type === 'structure' && sh.documentation?.startsWith('Represents the data for an attribute.'));
    expect(attributeValues.map(([id]) => id)).toEqual(['AttributeValue']);
    const target = (op: string, member: string) => {
      const sh = s.shapes[s.operations.find((o) => o.name === op)!.input]!;
      return sh.type === 'structure' ? sh.members[member]!.target : undefined;
    };
    // Item, Key and ExpressionAttributeValues of PutItem and Query: one map of AttributeValue.
    const map = s.shapes[target('PutItem', 'Item')!]!;
    expect(map).toEqual({ type: 'map', key: 'String', value: 'AttributeValue' });
    expect(new Set([target('PutItem', 'Item'), target('GetItem', 'Key'), target('Query', 'ExpressionAttributeValues'), target('Query', 'ExclusiveStartKey')]).size).toBe(1);
    // No numbered name where a name from its uses was free: the one left is WriteRequest, reached only as RequestItems' element.
    expect(Object.keys(s.shapes).filter((id) => /\d$/.test(id))).toEqual(['RequestItem2']);
  });
});
