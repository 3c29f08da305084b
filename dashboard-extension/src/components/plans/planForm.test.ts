import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUTOMATION_DAY_KEYS } from "./planForm";

// automationOverrides is JSON in the schema, so codegen cannot check its keys: the
// editor's list is compared with the package's own (saleor_services/conf.py).
const CONF = readFileSync(join(__dirname, "../../../../saleor_services/conf.py"), "utf8");

describe("the plan editor's automation keys", () => {
  it("are the package's AUTOMATION_DAY_KEYS, in order", () => {
    const block = /^AUTOMATION_DAY_KEYS = \(([^)]*)\)/m.exec(CONF);
    expect(block).not.toBeNull();
    const keys = [...block![1].matchAll(/"([A-Z_]+)"/g)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThan(0);
    expect([...AUTOMATION_DAY_KEYS]).toEqual(keys);
  });
});
