// Lint for labenv: type-aware rules for the bugs that matter in a reconciler and a Lambda, where a
// forgotten `await` lets a handler return before its writes land, and a missing `case` lets a new
// resource kind or outcome fall through silently. Formatting is Prettier's job, not ESLint's.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".labenv/",
      "cdk.out/",
      "infra/cdk.out/",
      "coverage/",
      "dist/",
      ".bench/",
      "test/fixtures/",
      "reconciler/core/model/generated/",
      "reconciler/core/image/generated/",
      "reconciler/core/validate/generated/",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  {
    files: ["**/*.ts"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // A promise nobody awaits: the Lambda may freeze before it settles, and its error is lost.
      "@typescript-eslint/no-floating-promises": "error",
      // An async function where a callback's result is ignored (an event handler, Array#forEach).
      "@typescript-eslint/no-misused-promises": "error",
      // `await` on something that is not a promise hides a missing call or a wrong type.
      "@typescript-eslint/await-thenable": "error",
      // Every kind, outcome and lifecycle is handled: a new union member breaks the build.
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // `return await` inside try/catch, so the catch sees the rejection.
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      "@typescript-eslint/only-throw-error": "error",
      "@typescript-eslint/prefer-promise-reject-errors": "error",
    },
  },
);
