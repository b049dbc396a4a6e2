// Lint and import boundaries (docs/architecture.md). Boundaries that used to
// hold by discipline are rules here:
// - lib/ is the framework-free domain: it never imports app/, components/ or
//   next/* (the auth adapter in lib/sign-in/ is the one door to Next and next-auth);
// - scripts/ (tooling) never imports tests/; tests may import scripts' helpers;
// - a SignedIn (lib/auth/actor.ts, ADR 0016) is built from a proof of who is
//   acting: the app takes the session's (lib/sign-in/session.ts), the response
//   link takes its signed claim; nothing else in app/, components/ or lib/
//   calls signedInAs (tests, the seed and tooling build their own users' actors);
// - client components never reach server modules: tests/unit/client-imports.test.ts
//   follows their imports (ESLint cannot see "use client").
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// lib/sign-in, the bridge to next-auth and Next: its config, the Prisma adapter wrapper,
// the GitHub provider, the session helpers and the auth route's body guard.
const AUTH_ADAPTER = ["lib/sign-in/**"];
const restrict = (...patterns) => ["error", { patterns }];
const actorBuilder = {
  name: "@/lib/auth/actor",
  importNames: ["signedInAs"],
  message: "Build a SignedIn from the session only: currentUser().actor, requireSignedIn(user) (ADR 0016).",
};
// Where a signed response link names the speaker who answers (lib/lifecycle/respond.ts).
const SIGNED_LINK_ACTORS = ["lib/lifecycle/respond.ts"];
const appAndComponents = {
  group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
  message: "lib/ is the framework-free domain: UI code imports lib, never the reverse.",
};
const nextFramework = {
  group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react-dom"],
  message: "lib/ does not depend on Next or React; only the auth adapter (AUTH_ADAPTER in eslint.config.mjs) may.",
};
const testsFromTooling = {
  group: ["@/tests/*", "**/tests/*"],
  message: "Tooling depends on the app, never on the tests: move shared helpers to scripts/lib/ and let tests import them.",
};

const benchFromTests = {
  group: ["@/scripts/bench/*", "**/scripts/bench/*"],
  message: "The benchmark is a leaf: what tests share with it lives in scripts/lib/.",
};

export default tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".tmp/**",
      "backups/**",
      "bench/results/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { paths: [actorBuilder], patterns: [appAndComponents, nextFramework] }] },
  },
  { files: SIGNED_LINK_ACTORS, rules: { "no-restricted-imports": restrict(appAndComponents, nextFramework) } },
  { files: ["app/**", "components/**"], rules: { "no-restricted-imports": ["error", { paths: [actorBuilder] }] } },
  { files: AUTH_ADAPTER, rules: { "no-restricted-imports": restrict(appAndComponents) } },
  { files: ["scripts/**"], rules: { "no-restricted-imports": restrict(testsFromTooling) } },
  { files: ["tests/**"], rules: { "no-restricted-imports": restrict(benchFromTests) } },
);
