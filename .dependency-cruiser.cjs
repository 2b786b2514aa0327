/**
 * Import rules (ARCHITECTURE.md): stages are leaves; only jobs chains them; only app/cli read config;
 * shared/ (pure helpers) is below everything and imports nothing of ours.
 */
const STAGES = '(fetch|feeds|extract|stories|translate|publish)';
module.exports = {
  forbidden: [
    {
      name: 'stage-imports-stage',
      comment: 'A stage never imports another stage: jobs/ chains them.',
      severity: 'error',
      from: { path: `^src/${STAGES}/` },
      to: { path: `^src/${STAGES}/`, pathNot: ['^src/$1/'] },
    },
    {
      name: 'stage-imports-infrastructure',
      comment: 'Stages do no I/O they were not handed: no store, jobs or web.',
      severity: 'error',
      from: { path: `^src/${STAGES}/` },
      to: { path: '^src/(store|jobs|web|cli|config)/' },
    },
    {
      name: 'only-app-and-cli-read-config',
      comment: 'The console (src/admin/) edits config-shaped settings; it is not a stage.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(cli|config|admin)/', '^src/app\\.ts$'] },
      to: { path: '^src/config/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'Types and pure rules: domain/ imports only itself and shared/.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/|shared/)' },
    },
    {
      name: 'shared-imports-only-shared',
      comment: 'shared/ is the bottom layer every other one may import: it imports nothing of ours but itself.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'shared-does-no-io',
      comment: 'shared/ holds pure functions: of Node it may use only buffer (bytes), no file system, network or processes.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'], pathNot: ['^(node:)?buffer$'] },
    },
    {
      name: 'only-the-top-imports-admin',
      comment: 'The console (src/admin/) sits above jobs/ and web/: only app.ts and cli/ mount or call it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(admin|cli)/', '^src/app\\.ts$'] },
      to: { path: '^src/admin/' },
    },
    {
      name: 'store-is-below-jobs-and-web',
      comment: 'store/ reads and writes tables; it never runs jobs or answers requests.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(jobs|web|admin|cli)/' },
    },
    {
      name: 'no-type-cycles-in-web-and-fidelity',
      comment: 'Shared shapes live in web/web-types.ts and fidelity/unit.ts: even a type-only cycle there is a misplaced type.',
      severity: 'error',
      from: { path: '^src/(web|translate/fidelity)/' },
      to: { circular: true },
    },
    {
      name: 'no-circular',
      comment: 'Type-only cycles vanish at compile time and are allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
