// One fence, checked by `npm test` (scripts/test.sh): nothing in the app reads process.env but
// lib/env.ts, which documents and validates every variable (docs/decisions/0008-fences.md).
// Import fences are dependency-cruiser's (.dependency-cruiser.cjs); ESLint is here only because
// an import graph cannot see a property read. Config files, tests/, scripts/ and bench/ are
// outside the rule: they set up or drive the app and read their own variables.
import tsParser from "@typescript-eslint/parser";
import i18next from "eslint-plugin-i18next";
import n from "eslint-plugin-n";

const readThroughEnv = "Read the environment through lib/env.ts (getEnv or an accessor there), which documents and validates it.";

export default [
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "db/**/*.ts", "lib/**/*.{ts,tsx}", "server.ts"],
    // The one module that reads process.env.
    ignores: ["lib/env.ts"],
    languageOptions: { parser: tsParser },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { n },
    rules: {
      // process.env.X and process["env"].
      "n/no-process-env": "error",
      // What n/no-process-env does not see: `import { env } from "node:process"` and `const { env } = process`.
      "no-restricted-imports": [
        "error",
        { name: "node:process", importNames: ["env"], message: readThroughEnv },
        { name: "process", importNames: ["env"], message: readThroughEnv },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: readThroughEnv },
      ],
    },
  },
  {
    // Every word a person reads comes from the message files (lib/i18n/messages/), in their
    // language: JSX text and the attributes people read or hear. Strings in code (class names,
    // hrefs, keys, events) are not words. tests/unit/i18n-messages.test.ts checks the files themselves.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": { include: ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt", "label"] },
          message: "Words a person reads come from the message files: use useTranslations/getTranslations (next-intl).",
        },
      ],
    },
  },
];
