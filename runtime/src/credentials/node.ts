/**
 * The credential sources that need Node — files, processes, the network — in one module the client
 * loads with a dynamic `import()` on the first call that needs it, so a browser bundle does not carry
 * them: the published build emits it as `dist/credentials/node.js`, which the runtime's `package.json`
 * `browser` field maps to nothing.
 *
 * @packageDocumentation
 */
export { loadSharedFiles, profileCredentials, profileSettings, profileName, type SharedFiles } from './shared-files.ts';
export { runCredentialProcess } from './process.ts';
export { containerConfigured, containerCredentials, containerUrl, imdsCredentials, imdsDisabled, imdsEndpoint } from './remote.ts';
export { SourceError, type Env } from './node-support.ts';
export { chainCredentials, type ChainInput } from './default-chain.ts';
export { configuredSettings, serviceEnvSuffix, type ConfiguredEndpoint } from './configured.ts';
