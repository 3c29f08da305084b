import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents from the package's own schema (regenerate it with
// `python manage.py services_graphql_schema --write`). The output is committed, so a
// build needs neither the schema tools nor a network; `npm run codegen:check` (and a
// vitest test) fail when it is out of date.
const config: CodegenConfig = {
  schema: "../saleor_services/graphql/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          Date: "string",
          DateTime: "string",
          PositiveDecimal: "number",
          JSON: "unknown",
          UUID: "string",
        },
      },
    },
  },
};

export default config;
