// Dependency rules between the folders of lib/ (DESIGN: "Dependency rules (checked in lint)").
// `npm run lint` runs `depcruise` with this file; test/unit/repo/dependency-rules.test.ts proves
// each rule fails on a violation and that README's diagram shows exactly the arrows below.

/**
 * The lib folders each lib folder may import (besides itself). A folder missing here may import
 * nothing in lib: adding a folder means adding its line (and its arrows to README's diagram).
 * The arrows form no cycle; `no-folder-cycle` checks that on the code as well.
 */
const LAYERS = {
  model: [],
  snapshot: ['model'],
  ownership: ['model'],
  terraform: ['model', 'snapshot'],
  drift: ['model', 'snapshot', 'ownership', 'terraform'],
  codify: ['model', 'snapshot', 'ownership', 'terraform', 'drift'],
  sources: ['model', 'snapshot', 'ownership'],
  attribution: ['model', 'snapshot', 'sources'],
  trail: ['model', 'snapshot', 'drift'],
  config: ['model'],
  review: ['model', 'snapshot', 'terraform', 'drift', 'trail'],
  notify: ['model', 'snapshot', 'drift'],
  pipeline: [
    'model',
    'snapshot',
    'ownership',
    'terraform',
    'drift',
    'codify',
    'sources',
    'attribution',
    'trail',
    'config',
    'review',
    'notify',
  ],
  // The HTTP API's logic (POST /scans, GET /scans/{id}, GET /drift); functions/api.ts calls it.
  api: ['model', 'drift', 'pipeline'],
  // The composition root: builds the adapters every step needs, for the CLI and the functions.
  wiring: ['model', 'sources', 'terraform', 'trail', 'review', 'pipeline'],
  cli: [
    'model',
    'snapshot',
    'ownership',
    'terraform',
    'drift',
    'codify',
    'sources',
    'attribution',
    'trail',
    'config',
    'review',
    'notify',
    'pipeline',
    'wiring',
  ],
};

// Node built-ins that read or write the world (files, processes, network).
const IO_BUILTINS =
  '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|dns/promises|tls|worker_threads|cluster)$';
// npm clients that talk to AWS or a Kubernetes API server.
const IO_PACKAGES = 'node_modules/(@aws-sdk|@smithy|@kubernetes/client-node)/';

const folderRules = Object.entries(LAYERS).map(([folder, allowed]) => ({
  name: `layer-${folder}`,
  comment: `lib/${folder} may import only ${allowed.length ? allowed.map((f) => `lib/${f}`).join(', ') : 'no other lib folder'} (see LAYERS)`,
  severity: 'error',
  from: { path: `^lib/${folder}/` },
  to: { path: '^lib/([^/]+)/', pathNot: `^lib/(${[folder, ...allowed].join('|')})/` },
}));

const config = {
  forbidden: [
    ...folderRules,
    {
      name: 'lib-folder-listed',
      comment: 'every lib folder has a line in LAYERS (which says what it may import)',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^lib/([^/]+)/', pathNot: `^lib/(${Object.keys(LAYERS).join('|')})/` },
    },
    {
      name: 'pure-no-io',
      comment: 'lib/drift and lib/codify are pure: no file, process or network I/O',
      severity: 'error',
      from: { path: '^lib/(drift|codify)/' },
      to: { dependencyTypes: ['core'], path: IO_BUILTINS },
    },
    {
      name: 'pure-no-clients',
      comment: 'lib/drift and lib/codify are pure: no AWS SDK, no Kubernetes client',
      severity: 'error',
      from: { path: '^lib/(drift|codify)/' },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'pure-no-adapters',
      comment:
        'lib/drift and lib/codify import neither lib/sources, lib/trail, lib/review nor lib/notify',
      severity: 'error',
      from: { path: '^lib/(drift|codify)/' },
      to: { path: '^lib/(sources|trail|review|notify)/' },
    },
    {
      name: 'collectors-never-write-the-trail',
      comment: 'lib/sources (collectors) never import lib/trail',
      severity: 'error',
      from: { path: '^lib/sources/' },
      to: { path: '^lib/trail/' },
    },
    {
      name: 'lib-not-handlers',
      comment: 'lib never imports functions/ or infra/',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(functions|infra)/' },
    },
    {
      name: 'no-folder-cycle',
      comment: 'no cycles between folders (lib/drift -> lib/snapshot -> lib/drift ...)',
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing would hide a dependency',
      severity: 'error',
      from: { path: '^lib/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // ESM-only packages (Octokit) export `import` and `types` conditions only.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

// Not enumerable: dependency-cruiser validates its config's own keys; the test reads LAYERS.
Object.defineProperty(config, 'LAYERS', { value: LAYERS });
module.exports = config;
