/**
 * The one-edit spec pairs of the diff tests: each copies one seed service and changes one thing in
 * the copy, as a docs update would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copySeed, edit } from './helpers.ts';

/** One edit of a seed. */
export interface SeedEdit {
  /** Seed service folder under `specs/`. */
  seed: string;
  /** Only these files of it (default: all). */
  files?: string[];
  /** Changes the copy in `dir` (the service folder). */
  apply(dir: string): void;
}

const ODB = 'get_odb_peering_connection.rst';
const odbPage = (dir: string) => path.join(dir, ODB);

/** Removes the bullet of member `name` (and its text) from an RST Response Structure. */
function dropBullet(file: string, name: string, next: string): void {
  edit(file, new RegExp(`\\n {8}- \\*\\*${name}\\*\\*[\\s\\S]*?(?=\\n {8}- \\*\\*${next}\\*\\*)`), '');
}

/** The edits, by name. */
export const EDITS = {
  'remove a member': {
    seed: 'aws/odb',
    apply(dir) {
      edit(odbPage(dir), "              'statusReason': 'string',\n", '');
      dropBullet(odbPage(dir), 'statusReason', 'odbPeeringConnectionArn');
    },
  },
  'add an enum value': {
    seed: 'aws/odb',
    apply(dir) {
      edit(odbPage(dir), "'MAINTENANCE_IN_PROGRESS',", "'MAINTENANCE_IN_PROGRESS'|'DELETED',");
    },
  },
  'make a member required': {
    seed: 'baidu/vpc',
    apply(dir) {
      // Baidu: a parameter is required when @required names it (or it has no default).
      edit(
        path.join(dir, 'peering-connections.txt'),
        '1@required(peer_conn_id=(bytes, str), local_if_id=(bytes, str))\n2def update_peerconn',
        '1@required(peer_conn_id=(bytes, str), local_if_id=(bytes, str), description=(bytes, str))\n2def update_peerconn',
      );
    },
  },
  'add an operation': {
    seed: 'aws/odb',
    apply(dir) {
      // A second page documenting a new operation of the same shapes.
      const page = path.join(dir, 'describe_odb_peering_connection.rst');
      writeFileSync(
        page,
        readFileSync(odbPage(dir), 'utf8')
          .replaceAll('get_odb_peering_connection', 'describe_odb_peering_connection')
          .replace('/GetOdbPeeringConnection>', '/DescribeOdbPeeringConnection>')
          .replace(/^\*+$/gm, (stars) => '*'.repeat(stars.length + 5)),
      );
    },
  },
  'change only a description': {
    seed: 'aws/odb',
    apply(dir) {
      edit(odbPage(dir), 'The display name of the ODB peering connection.', 'The name shown for the ODB peering connection.');
    },
  },
  'add a union member': {
    seed: 'aws/partnercentral-account',
    files: ['get_connection.rst', 'service.json'],
    apply(dir) {
      const page = path.join(dir, 'get_connection.rst');
      edit(page, "                      'Account': {\n                          'Name': 'string'\n                      }\n", "                      'Account': {\n                          'Name': 'string'\n                      },\n                      'Individual': {\n                          'Name': 'string'\n                      }\n");
      edit(page, '``SellerProfile``, ``Account``.', '``SellerProfile``, ``Account``, ``Individual``.');
      edit(
        page,
        '                  The name associated with the AWS account.\n',
        "                  The name associated with the AWS account.\n\n              - **Individual** *(dict) --* \n\n                A person taking part on their own.\n\n                - **Name** *(string) --* \n\n                  The person's name.\n",
      );
    },
  },
  'rename a member': {
    seed: 'aws/odb',
    apply(dir) {
      edit(odbPage(dir), "'displayName': 'string',", "'name': 'string',");
      edit(odbPage(dir), '- **displayName** *(string) --*', '- **name** *(string) --*');
    },
  },
} satisfies Record<string, SeedEdit>;
