/** Import rules from DESIGN.md: stages are leaves; only jobs chains them; only app/cli read config. */
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
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(cli|config)/', '^src/app\\.ts$'] },
      to: { path: '^src/config/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
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
