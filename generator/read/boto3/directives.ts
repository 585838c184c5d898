/**
 * What the boto3 readers of Sphinx's structure (RST source, HTML) share about its `py:` directives:
 * which class a documented name belongs to, and the gaps a page's placeholders leave.
 */
import type { SkippedSection } from '../../ir/input.ts';
import type { Boto3OperationParts } from './parts.ts';

/** What a documented class is: the client, a paginator, a waiter, or a resource. */
export function classKind(name: string): 'client' | SkippedSection['kind'] {
  if (/\.Client$/.test(name)) return 'client';
  if (/\.Paginator\./.test(name)) return 'paginator';
  if (/\.Waiter\./.test(name)) return 'waiter';
  return 'resource';
}

/** A `py:method` target placed in its class: `Odb.Client.get_x`, its method, and what its owner is. */
export interface MethodTarget {
  qualified: string;
  method: string;
  /** The first segment: the client's name as the docs give it (`Odb`). */
  clientName: string;
  kind: ReturnType<typeof classKind>;
}

/** Where a method's target belongs: its own qualification, else the class it is documented in. */
export function methodTarget(target: string, enclosingClass: string | undefined): MethodTarget {
  const qualified = target.includes('.') ? target : `${enclosingClass ?? ''}.${target}`;
  const segments = qualified.split('.');
  return { qualified, method: segments[segments.length - 1]!, clientName: segments[0]!, kind: classKind(segments.slice(0, -1).join('.')) };
}

/**
 * Whether a method outside the client is reported as a skipped section: only where it is documented
 * on its own or in the client (a resource's methods are its class's, skipped with the class).
 */
export function reportsSkippedMethod(enclosingClass: string | undefined): boolean {
  return !enclosingClass || classKind(enclosingClass) === 'client';
}

/** Records, once, that `section` stands behind boto3's placeholder ("This section is too large to render"). */
export function hideSection(parts: Boto3OperationParts, section: string): void {
  if (!parts.gaps?.some((g) => g.section === section)) (parts.gaps ??= []).push({ section, state: 'hidden' });
}
