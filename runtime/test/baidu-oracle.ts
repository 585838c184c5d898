/**
 * Baidu's own Node SDK signer (`@baiducloud/sdk` `Auth`), the oracle bce-auth-v1 is checked against by
 * the test server and the signing tests. Its Auth module alone (the index pulls the whole SDK);
 * CommonJS, without types, so typed here once.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** `new BceAuth(ak, sk).generateAuthorization(…)`: the SDK's Authorization header value. */
export const BceAuth = require('@baiducloud/sdk/src/auth.js') as new (
  ak: string,
  sk: string,
) => {
  generateAuthorization(
    method: string,
    resource: string,
    params?: Record<string, string | null>,
    headers?: Record<string, string>,
    timestamp?: number,
    expirationInSeconds?: number,
    headersToSign?: string[],
  ): string;
};
