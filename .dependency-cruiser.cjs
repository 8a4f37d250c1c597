// Import fences between the layers, checked by `npm test` (scripts/test.sh): see
// docs/decisions/0008-fences.md. The client/server fence, which follows imports transitively,
// is in .dependency-cruiser.client.cjs; the process.env fence is in eslint.config.js.
//
// Type-only imports vanish from the build, so where they cross a fence they warn (the layering
// is still wrong) rather than fail.

/** Dependency types that exist only for the type checker. */
const typeOnly = ["type-only", "pre-compilation-only"];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-not-db",
      comment: "Components render what lib/ hands them; only lib/ (through db/queries) touches the database.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^db/", dependencyTypesNot: typeOnly },
    },
    {
      name: "components-not-db-types",
      comment: "A component typed by the schema: take the type from lib/ (a view or validation type) instead.",
      severity: "warn",
      from: { path: "^components/" },
      to: { path: "^db/", dependencyTypes: typeOnly },
    },
    {
      name: "app-not-db",
      comment: "Routes go through lib/ (doors, page loaders), which authorizes before it reads; never to db/ directly.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^db/", dependencyTypesNot: typeOnly },
    },
    {
      name: "app-not-db-types",
      comment: "As app-not-db, for types.",
      severity: "warn",
      from: { path: "^app/" },
      to: { path: "^db/", dependencyTypes: typeOnly },
    },
    {
      name: "db-not-lib",
      comment:
        "The data layer does not depend on the domain. Allowed: lib/env.ts (the validated environment, the only " +
        "way to read DATABASE_URL and friends). Excepted: db/seed.ts, the demo seed, which writes content the way " +
        "the app does (guide parsed, Markdown rendered, passwords hashed, meeting times resolved): a consumer of " +
        "the domain kept beside the schema, not part of the data layer.",
      severity: "error",
      from: { path: "^db/", pathNot: "^db/seed\\.ts$" },
      to: { path: "^lib/", pathNot: "^lib/env\\.ts$", dependencyTypesNot: typeOnly },
    },
    {
      name: "db-not-lib-types",
      comment: "As db-not-lib, for types: a query's row type belongs to db/, a view type to lib/.",
      severity: "warn",
      from: { path: "^db/", pathNot: "^db/seed\\.ts$" },
      to: { path: "^lib/", dependencyTypes: typeOnly },
    },
    {
      name: "publish-only-through-doors",
      comment:
        "Live events leave through the doors, after commit: domain code returns LiveEvents and lib/doors/deliver.ts " +
        "publishes them. Only it, the Socket.IO server that registers itself there, tests and benchmarks import publish.",
      severity: "error",
      from: { pathNot: "^(lib/doors/deliver\\.ts|lib/realtime/server\\.ts|tests/|bench/)" },
      to: { path: "^lib/realtime/publish\\.ts$", dependencyTypesNot: typeOnly },
    },
    {
      name: "deliver-only-from-door",
      comment:
        "A door sends its act's events once the act has returned (after commit). Calling deliverLiveEvents from " +
        "anywhere else would send before a commit, so only lib/doors/door.ts (and tests) may import it.",
      severity: "error",
      from: { pathNot: "^(lib/doors/door\\.ts|tests/)" },
      to: { path: "^lib/doors/deliver\\.ts$", dependencyTypesNot: typeOnly },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Records type-only imports too (and, with "specify", marks imports that vanish once compiled)
    // so the type rules above can tell them apart.
    tsPreCompilationDeps: "specify",
    // The "@/..." paths, and server-only resolved as tsconfig.json says.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
