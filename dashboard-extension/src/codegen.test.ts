import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../codegen";

const ROOT = join(__dirname, "..");

describe("generated GraphQL types (src/gql/)", () => {
  it("are what graphql-codegen makes of today's schema and documents (run `npm run codegen`)", async () => {
    const previous = process.cwd();
    process.chdir(ROOT);
    try {
      const files = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const committed = readFileSync(join(ROOT, file.filename), "utf8");
        expect(committed, `${file.filename} is out of date: run npm run codegen`).toBe(file.content);
      }
    } finally {
      process.chdir(previous);
    }
  }, 120000);
});
