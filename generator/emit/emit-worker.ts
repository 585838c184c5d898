/**
 * A thread of {@link EmitPool}: emits the packages of the services it is sent (templates, Prettier,
 * the API snapshot from the view model; ts-morph only when types are checked) and posts the files back.
 */
import { parentPort } from 'node:worker_threads';
import type { Service } from '../ir/model.ts';
import { apiSnapshotFile } from './api-symbol.ts';
import { emitService, type EmittedFile } from './emit-service.ts';
import { handlebarsRenderer } from './render.ts';
import type { PackageVersions } from './view/package.ts';
import { viewSurface } from './view-surface.ts';

/** A service to emit. */
export interface EmitJob {
  id: number;
  service: Service;
  versions: PackageVersions;
  checkTypes: boolean;
}

/** An emitted package, or the error that escaped the emitter. */
export type EmitAnswer =
  | { id: number; folder: string; packageName: string; files: EmittedFile[]; typeErrors: string[] }
  | { id: number; error: string };

const renderer = handlebarsRenderer();

parentPort?.on('message', (job: EmitJob) => {
  void (async () => {
    try {
      const { view, files } = emitService(job.service, renderer, job.versions);
      // ts-morph loads in about a second per thread: only when types are checked.
      const typeErrors = job.checkTypes ? (await import('./check-types.ts')).typeCheckPackage(view.folder, files) : [];
      files.push(apiSnapshotFile(viewSurface(view)));
      parentPort!.postMessage({ id: job.id, folder: view.folder, packageName: view.packageName, files, typeErrors } satisfies EmitAnswer);
    } catch (e) {
      parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) } satisfies EmitAnswer);
    }
  })();
});
