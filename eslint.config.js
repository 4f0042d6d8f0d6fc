// Lint: TypeScript's recommended rules, the rules of hooks, and a ban on
// console.log in app code (logs must not carry personal data; see docs).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", "app/generated/", ".tmp/", ".data/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-console": ["error", { allow: ["warn", "error"] }] },
  },
  // Boundaries (docs/architecture.md). The domain speaks no HTTP and draws nothing.
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@remix-run/*"], message: "The domain speaks no HTTP: take plain values, throw DomainError (app/domain/errors.ts)." },
            {
              group: ["react", "react-dom", "react-i18next", "@conform-to/react"],
              message: "The domain draws nothing: UI belongs in app/components or app/routes.",
            },
            {
              group: ["~/routes/*", "~/components/*", "~/web/*", "**/routes/*", "**/components/*", "**/web/*"],
              message: "The domain is below routes, components and the route side (app/web).",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Request", "Response", "FormData", "Headers"].map((name) => ({
          name,
          message: `The domain speaks no HTTP (${name}): take plain values, throw DomainError.`,
        })),
      ],
    },
  },
  // Every lock in one module (app/domain/locking.server.ts); the message queue's SKIP LOCKED claim is its own.
  {
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts"],
    ignores: ["app/domain/locking.server.ts", "app/lib/messages/send.server.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TemplateElement[value.raw=/FOR (NO KEY )?UPDATE|FOR (KEY )?SHARE|pg_advisory/i]",
          message: "Locks live in app/domain/locking.server.ts (one module, one lock order): use lockRow or add a named variant there.",
        },
      ],
    },
  },
  // Infrastructure knows nothing of the screens.
  {
    files: ["app/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["~/routes/*", "~/web/*", "**/routes/*", "**/web/*"],
              message: "app/lib is infrastructure: the route side (app/web) and routes build on it, not the other way.",
            },
          ],
        },
      ],
    },
  },
  // Routes reach the database only through the domain.
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}", "app/root.tsx"],
    ignores: [
      // The load balancer's probe asks the database itself: there is no rule in "can it answer?".
      "app/routes/healthz.tsx",
      // A developer tool (404 in production), not part of the portal.
      "app/routes/dev.outbox.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/lib/db.server.ts", message: "Routes reach the database through a domain function (app/domain)." }],
          patterns: [{ group: ["~/generated/prisma/*", "!~/generated/prisma/client.ts"], message: "Routes use the domain's types." }],
        },
      ],
    },
  },
);
