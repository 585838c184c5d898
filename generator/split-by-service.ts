/**
 * A folder of pages from many services (e.g. the conformance corpus's `corpus/services/`, one
 * whole-service RST file per service) is split into one service per id the pages declare. A folder
 * whose pages declare at most one id, or whose settings name the service, stays one service, as
 * before: the seeds' folders are read exactly as they were. A page that declares no id still
 * declares its client (`.. py:class:: Account.Client`): pages of different clients are different
 * services too. In a folder that is split, a service whose pages declare no id is the one its
 * (first) file names (`account.rst` → `account`): the folder's own name says nothing of it.
 */
import path from 'node:path';
import type { ServiceInput } from './ir/build.ts';

/** A service id from a file name (`mgh.rst` → `mgh`), when the name makes one. */
export function idOfFileName(file: string): string | undefined {
  const base = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(base) ? base : undefined;
}

/** What a page says of its service, to tell services apart. */
export interface DeclaredService {
  id?: string;
  clientName?: string;
}

/**
 * Groups a folder's items (pages, or what the cache recorded of them) by the service each
 * declares: by id, else by client. One group with the folder's id when the settings name the
 * service or the items declare at most one service; else one group per declared service, named by
 * its id, else by its first file's name ({@link idOfFileName}), else the folder's id.
 */
export function groupByDeclaredService<T>(
  folderId: string,
  settingsId: string | undefined,
  items: readonly T[],
  declared: (item: T) => DeclaredService,
  fileOf: (item: T) => string,
): { folderId: string; items: T[] }[] {
  const keyOf = (item: T) => {
    const d = declared(item);
    return d.id !== undefined ? `id:${d.id}` : d.clientName !== undefined ? `client:${d.clientName}` : undefined;
  };
  const keys = new Set(items.map(keyOf).filter((k) => k !== undefined));
  if (settingsId !== undefined || keys.size <= 1) return [{ folderId, items: [...items] }];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item) ?? `file:${fileOf(item)}`;
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].map((grouped) => ({
    folderId: declared(grouped[0]!).id ?? idOfFileName(fileOf(grouped[0]!)) ?? folderId,
    items: grouped,
  }));
}

/** The services of one folder: the folder itself, or one input per page-declared id (the folder's settings apply to each). */
export function splitByDeclaredService(input: ServiceInput): ServiceInput[] {
  const groups = groupByDeclaredService(input.folderId, input.settings.id, input.pages, (p) => p.service, (p) => p.file);
  if (groups.length === 1 && groups[0]!.folderId === input.folderId) return [input];
  return groups.map((g) => ({ ...input, folderId: g.folderId, pages: g.items }));
}
