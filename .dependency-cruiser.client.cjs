// The client/server fence, checked by `npm test` (scripts/test.sh): no module that Next bundles
// for the browser reaches server code. See docs/decisions/0008-fences.md.
//
// A separate pass from .dependency-cruiser.cjs because "reaches" must follow only what the
// bundler follows: imports that survive compilation (type-only ones vanish) and not into
// 'use server' modules (a client component that imports a server action gets a reference to
// call, not the action's code). Next's own check (`import "server-only"` in a client graph
// fails the build) covers the modules marked so; this one also covers the server modules that
// are not marked yet, and answers in seconds rather than a build.
const { readdirSync, readFileSync } = require("node:fs");
const path = require("node:path");

/** Files under `folders` whose first statement is the directive ("use client" or "use server"). */
function filesWithDirective(folders, directive) {
  const opening = new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*["']${directive}["']`);
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name) && opening.test(readFileSync(file, "utf8"))) found.push(file);
    }
  };
  folders.forEach(walk);
  return found;
}

/** A regular expression matching exactly these paths (or nothing, for none). */
function exactly(files) {
  const escaped = files.map((file) => file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return escaped.length > 0 ? `^(${escaped.join("|")})$` : "^$.";
}

const sources = ["app", "components", "lib"];

// Server code: the data layer, secrets and the environment, the realtime server and its
// publishers, reminders and mail, and anything marked `import "server-only"` (which covers the
// rest of the door kit and lib/access.ts). lib/reminders/plan.ts is the exception: pure rules
// with no imports (which hours each reminder is), read by notification sentences in the browser.
const serverCode = [
  "^db/",
  "^lib/(auth|env|mailer)\\.ts$",
  "^lib/doors/live\\.ts$",
  "^lib/realtime/(publish|server)\\.ts$",
  "^lib/reminders/(?!plan\\.ts$)",
  "^node_modules/server-only/",
].join("|");

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "client-reaches-server",
      comment: "A 'use client' module, or anything it imports, must not import server code (see serverCode above).",
      severity: "error",
      from: { path: exactly(filesWithDirective(sources, "use client")) },
      to: { path: serverCode, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Server actions: the browser bundle holds a reference to them, not their imports.
    exclude: { path: exactly(filesWithDirective(sources, "use server")) },
    // Only the imports that survive compilation: what the bundler follows.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
