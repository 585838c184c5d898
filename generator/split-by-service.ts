/**
 * A folder of pages from many services (e.g. the conformance corpus's `corpus/services/`, one
 * whole-service RST file per service) is split into one service per id the pages declare. A folder
 * whose pages declare at most one id, or whose settings name the service, stays one service, as
 * before: the seeds' folders are read exactly as they were. In a folder that is split, a page that
 * declares no id (some services' "See also" links name the service in capitals, which is no id) is
 * the service its file names (`mgh.rst` → `mgh`): the folder's own name says nothing of it.
 */
import path from 'node:path';
import type { ServiceInput } from './ir/build.ts';

/** A service id from a file name (`mgh.rst` → `mgh`), when the name makes one. */
export function idOfFileName(file: string): string | undefined {
  const base = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase();
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(base) ? base : undefined;
}

/**
 * Groups a folder's items (pages, or what the cache recorded of them) by the service id each
 * declares: one group with the folder's id when the settings name the service or the items
 * declare at most one id; else one group per declared id, items that declare none by their file
 * name ({@link idOfFileName}), or with the folder's id when it makes none.
 */
export function groupByDeclaredService<T>(
  folderId: string,
  settingsId: string | undefined,
  items: readonly T[],
  declaredId: (item: T) => string | undefined,
  fileOf: (item: T) => string,
): { folderId: string; items: T[] }[] {
  const ids = new Set(items.map(declaredId).filter((id) => id !== undefined));
  if (settingsId !== undefined || ids.size <= 1) return [{ folderId, items: [...items] }];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = declaredId(item) ?? idOfFileName(fileOf(item)) ?? folderId;
    const group = groups.get(id) ?? [];
    group.push(item);
    groups.set(id, group);
  }
  return [...groups].map(([id, grouped]) => ({ folderId: id, items: grouped }));
}

/** The services of one folder: the folder itself, or one input per page-declared id (the folder's settings apply to each). */
export function splitByDeclaredService(input: ServiceInput): ServiceInput[] {
  const groups = groupByDeclaredService(input.folderId, input.settings.id, input.pages, (p) => p.service.id, (p) => p.file);
  if (groups.length === 1 && groups[0]!.folderId === input.folderId) return [input];
  return groups.map((g) => ({ ...input, folderId: g.folderId, pages: g.items }));
}
