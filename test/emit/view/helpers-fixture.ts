/**
 * The DynamoDB package emitted from boto3's own pages (test/fixtures/boto3-helpers/dynamodb: ListTables
 * and Query with their paginator pages, DescribeTable with its waiter page, the
 * TransactionCanceledException page), emitted once for the view tests of paginators, waiters and errors.
 */
import { emitService, type EmittedFile } from '../../../generator/emit/emit-service.ts';
import { handlebarsRenderer } from '../../../generator/emit/render.ts';
import type { PackageView } from '../../../generator/emit/view/package.ts';
import { loadIR } from '../../../generator/pipeline/load-ir.ts';

let emitted: { view: PackageView; files: EmittedFile[] } | undefined;

/** The emitted package (view and files). */
export function dynamodbPackage(): { view: PackageView; files: EmittedFile[]; file: (path: string) => string } {
  emitted ??= emitService(loadIR(['test/fixtures/boto3-helpers/dynamodb']).ir.services[0]!, handlebarsRenderer(), { generator: '0.0.0', runtime: '0.0.0', typescript: '0.0.0' });
  const { view, files } = emitted;
  return { view, files, file: (path) => files.find((f) => f.path === path)!.content };
}
