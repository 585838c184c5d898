/**
 * A 127.0.0.1 stand-in for the machine's credential endpoints (IMDSv2 and the container endpoint), as
 * the AWS documentation describes their requests and answers. It records every request; a test
 * changes `routes` to make an endpoint fail.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** An answer: status and body. */
export type Answer = { status: number; body: string };

/** The credentials JSON both endpoints answer with. */
export function credentialsJson(id: string, expiration?: Date, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Code: 'Success',
    AccessKeyId: id,
    SecretAccessKey: `${id}-secret`,
    Token: `${id}-token`,
    ...(expiration ? { Expiration: expiration.toISOString() } : {}),
    ...extra,
  });
}

/** The server. `routes`: `METHOD path` → answer (a function sees the request). */
export class MetadataServer {
  readonly requests: SeenRequest[] = [];
  routes: Record<string, Answer | ((r: SeenRequest) => Answer)>;
  #server: Server;
  url = '';

  private constructor(server: Server, routes: MetadataServer['routes']) {
    this.#server = server;
    this.routes = routes;
  }

  /**
   * Starts with IMDSv2 (token `tok-1`, required on the GETs; role `role-a`) and a container endpoint
   * at `/creds` that requires `Authorization: auth-1` and returns `CONTAINERKEY` credentials.
   */
  static async start(expiration?: Date): Promise<MetadataServer> {
    let self!: MetadataServer;
    const server = createServer((req, res) => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
      self.requests.push(seen);
      const route = self.routes[`${seen.method} ${seen.url}`];
      const answer = typeof route === 'function' ? route(seen) : (route ?? { status: 404, body: 'not found' });
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
    const withToken = (body: string) => (r: SeenRequest): Answer =>
      r.headers['x-aws-ec2-metadata-token'] === 'tok-1' ? { status: 200, body } : { status: 401, body: '' };
    self = new MetadataServer(server, {
      'PUT /latest/api/token': (r) =>
        r.headers['x-aws-ec2-metadata-token-ttl-seconds'] ? { status: 200, body: 'tok-1' } : { status: 400, body: 'no ttl' },
      'GET /latest/meta-data/iam/security-credentials/': withToken('role-a\n'),
      'GET /latest/meta-data/iam/security-credentials/role-a': withToken(credentialsJson('IMDSKEY', expiration)),
      'GET /creds': (r) => (r.headers.authorization === 'auth-1' ? { status: 200, body: credentialsJson('CONTAINERKEY', expiration) } : { status: 401, body: 'no' }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return self;
  }

  /** Stops listening. */
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
