import js from "@eslint/js"
import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["**/dist/**", "**/dist-effect3/**", "**/node_modules/**", "**/.cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error"
    }
  }
,
  {
    // The core is the same for every Effect major: it imports nothing from Effect (packages/core/tsconfig.json
    // refuses it too).
    files: ["packages/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["effect", "effect/*", "@effect/*"], message: "The core imports nothing from Effect: put this in the shell (packages/dynofunc)." },
            { group: ["dynofunc", "dynofunc/*", "@dynofunc/testing"], message: "The core is below the shells: it never imports them." }
          ]
        }
      ]
    }
  }
)
