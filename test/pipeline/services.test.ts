import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIR } from '../../generator/pipeline/load-ir.ts';
import { tempDir } from '../emit/helpers.ts';
import { mixedFolder, ODB, PARTNER } from './mixed-folder.ts';

describe('a folder of pages from several services', () => {
  it('gives one service per page-declared id, each as if its page were read alone', () => {
    const dir = mixedFolder();
    const both = loadIR([dir]);
    expect(both.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(both.ir.services.map((s) => s.id)).toEqual(['odb', 'partnercentral-account']);
    const alone = [loadIR([path.join(dir, 'odb.rst')]), loadIR([path.join(dir, 'partner.rst')])];
    expect(both.ir.services).toEqual(alone.map((r) => r.ir.services[0]));
  });

  it('makes a page that declares no id the service its file names', () => {
    const dir = mixedFolder();
    const odb = readFileSync(ODB, 'utf8');
    // Some services' links name them in capitals (AWSMigrationHub-2017-05-31): no id.
    writeFileSync(path.join(dir, 'mgh.rst'), odb.replace(/^:doc:.*\n/, '').replace('WebAPI/odb-', 'WebAPI/ODB-'));
    const { ir, diagnostics } = loadIR([dir]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ir.services.map((s) => s.id)).toEqual(['mgh', 'odb', 'partnercentral-account']);
  });

  it('tells pages that declare no id apart by their client, each service named by its file', () => {
    const dir = path.join(tempDir('docsdk-split-'), 'services');
    mkdirSync(dir);
    const noId = (text: string) => text.replace(/^:doc:.*\n/, '').replace(/WebAPI\/[a-z0-9-]+-(\d{4})/g, 'WebAPI/NOID-$1');
    writeFileSync(path.join(dir, 'first.rst'), noId(readFileSync(ODB, 'utf8')));
    writeFileSync(path.join(dir, 'second.rst'), noId(readFileSync(PARTNER, 'utf8')));
    const { ir } = loadIR([dir]);
    expect(ir.services.map((s) => [s.id, s.operations.map((o) => o.name)])).toEqual([
      ['first', ['GetOdbPeeringConnection']],
      ['second', ['GetConnection']],
    ]);
  });

  it('stays one service when the folder settings name it', () => {
    const dir = mixedFolder();
    writeFileSync(path.join(dir, 'service.json'), JSON.stringify({ id: 'mixed' }));
    const { ir } = loadIR([dir]);
    expect(ir.services.map((s) => [s.id, s.operations.map((o) => o.name)])).toEqual([['mixed', ['GetConnection', 'GetOdbPeeringConnection']]]);
  });

  it('applies the folder settings to each service', () => {
    const dir = mixedFolder();
    writeFileSync(path.join(dir, 'service.json'), JSON.stringify({ packageName: '@x/shared', timestampFormat: 'iso8601' }));
    const { ir } = loadIR([dir]);
    expect(ir.services.map((s) => [s.id, s.packageName])).toEqual([
      ['odb', '@x/shared'],
      ['partnercentral-account', '@x/shared'],
    ]);
  });

  it('leaves the seeds as they were: one service per folder', () => {
    expect(loadIR(['specs']).ir.services.map((s) => `${s.provider}/${s.id}`)).toEqual([
      'aws/directconnect',
      'aws/odb',
      'aws/partnercentral-account',
      'baidu/vpc',
    ]);
  });
});
