/** The services tests' fixture: a folder holding two seed RST pages of different services. */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../emit/helpers.ts';

/** The seed pages it copies. */
export const ODB = 'specs/aws/odb/get_odb_peering_connection.rst';
export const PARTNER = 'specs/aws/partnercentral-account/get_connection.rst';

/** A fresh folder holding the odb and partnercentral-account seed pages, without settings. */
export function mixedFolder(): string {
  const dir = path.join(tempDir('docsdk-split-'), 'pages');
  mkdirSync(dir);
  copyFileSync(ODB, path.join(dir, 'odb.rst'));
  copyFileSync(PARTNER, path.join(dir, 'partner.rst'));
  return dir;
}
