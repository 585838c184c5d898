/**
 * The layers of docsdk, checked by `npm run lint:deps` (dependency-cruiser): read → IR → emit →
 * runtime, orchestration (pipeline/, cli.ts, diff/) apart from all of them. Each rule says why.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'No import cycle, inside a folder or between folders: each layer builds on the ones below it only.',
      severity: 'error',
      from: { path: '^(generator|runtime/src)/' },
      to: { circular: true },
    },
    {
      name: 'ir-knows-no-reader',
      comment: "The IR is built from ir/input.ts, the readers' contract: it knows no reader, no emitter, no orchestration.",
      severity: 'error',
      from: { path: '^generator/ir/' },
      to: { path: '^generator/(read|emit|pipeline|diff|cache)/|^generator/cli\\.ts$' },
    },
    {
      name: 'emit-knows-no-reader',
      comment: 'The emitter turns IR into files: it knows no reader and no orchestration.',
      severity: 'error',
      from: { path: '^generator/emit/' },
      to: { path: '^generator/(read|pipeline|diff|settings)/|^generator/cli\\.ts$' },
    },
    {
      name: 'readers-know-no-emitter',
      comment: 'A reader turns a document into the IR input: it knows nothing of emission or orchestration.',
      severity: 'error',
      from: { path: '^generator/read/' },
      to: { path: '^generator/(emit|pipeline|diff|cache)/|^generator/cli\\.ts$' },
    },
    {
      name: 'settings-know-no-reader',
      comment: 'service.json is loaded and applied apart from any reader or emitter.',
      severity: 'error',
      from: { path: '^generator/settings/' },
      to: { path: '^generator/(read|emit|pipeline|diff)/|^generator/cli\\.ts$' },
    },
    {
      name: 'runtime-stands-alone',
      comment: 'The published runtime imports nothing of the generator (and nothing outside its own sources).',
      severity: 'error',
      from: { path: '^runtime/src/' },
      to: { path: '^(generator|templates|scripts|test)/' },
    },
    {
      name: 'generator-not-from-tests',
      comment: 'Production code never imports tests or scripts.',
      severity: 'error',
      from: { path: '^(generator|runtime/src)/' },
      to: { path: '^(test|scripts|runtime/test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|generated|node_modules)/' },
  },
};
