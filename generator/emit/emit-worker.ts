/**
 * A thread of {@link EmitPool}: emits the packages of the services it is sent ({@link emitPackage},
 * as on the calling thread) and posts the files back.
 */
import { parentPort } from 'node:worker_threads';
import type { Service } from '../ir/model.ts';
import { emitPackage, type EmittedFile } from './emit-service.ts';
import { handlebarsRenderer } from './render.ts';
import type { PackageVersions } from './view/package.ts';

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
      const pkg = await emitPackage(job.service, renderer, job.versions, job.checkTypes);
      parentPort!.postMessage({ id: job.id, ...pkg } satisfies EmitAnswer);
    } catch (e) {
      parentPort!.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) } satisfies EmitAnswer);
    }
  })();
});
