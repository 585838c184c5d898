/**
 * A thread of {@link EmitPool}: emits the packages of the services it is sent ({@link emitPackage},
 * as on the calling thread) and answers with the files.
 */
import type { Service } from '../ir/model.ts';
import { emitPackage, type EmittedPackage } from './emit-service.ts';
import { handlebarsRenderer } from './render.ts';
import type { PackageVersions } from './view/package.ts';

/** A service to emit. */
export interface EmitJob {
  service: Service;
  versions: PackageVersions;
  checkTypes: boolean;
}

/** An emitted package. (What the emitter throws fails the job.) */
export type EmitAnswer = EmittedPackage;

const renderer = handlebarsRenderer();

/** Emits one job (the thread's task, run by tinypool). */
export default function emit(job: EmitJob): Promise<EmitAnswer> {
  return emitPackage(job.service, renderer, job.versions, job.checkTypes);
}
