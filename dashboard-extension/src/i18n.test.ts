import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { emailKind } from "./emailKinds";
import { de } from "./locales/de";
import { en } from "./locales/en";
import { fr } from "./locales/fr";

const CATALOGUES = { en, fr, de } as Record<string, Record<string, string>>;
const PACKAGE = join(__dirname, "../../saleor_services");
const SCHEMA = readFileSync(join(PACKAGE, "graphql/schema.graphql"), "utf8");
/** The e-mails the package sends, one templates folder each. */
const EMAIL_KINDS = readdirSync(join(PACKAGE, "templates/saleor_services/emails"))
  .filter((name) => statSync(join(PACKAGE, "templates/saleor_services/emails", name)).isDirectory());

/** The event types whose customer e-mail can fail (events.py EMAIL_EVENTS, and CREATED when born active). */
function emailEventTypes(): string[] {
  const body = readFileSync(join(PACKAGE, "events.py"), "utf8").match(/EMAIL_EVENTS = frozenset\(\s*\{([^}]*)\}/)?.[1];
  if (!body) throw new Error("EMAIL_EVENTS is not in events.py");
  return ["CREATED", ...[...body.matchAll(/ServiceEventType\.([A-Z_]+)/g)].map((match) => match[1])];
}

function enumValues(name: string): string[] {
  const body = SCHEMA.match(new RegExp(`enum ${name} \\{([^}]*)\\}`))?.[1];
  if (!body) throw new Error(`enum ${name} is not in the schema`);
  return body.split(/\s+/).filter(Boolean);
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "gql" || name === "locales" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe("translations", () => {
  it("has every message id the code names literally", () => {
    const used = new Set<string>();
    for (const file of sources(__dirname)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/(?:\bt\(|id: |formatMessage\(\{ id: |id=)"([a-zA-Z]+\.[A-Za-z0-9_.]+)"/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(80);
    expect([...used].filter((id) => !(id in en))).toEqual([]);
  });

  it("names every value of the API's enums the pages show", () => {
    const families: [string, string][] = [
      ["ServiceStatus", "status."], ["ServiceEventType", "event."], ["ServiceActorType", "actor."],
      ["ServiceBillingCycle", "cycle."], ["ServiceRenewalStatus", "renewal.status."], ["ServiceRenewalKind", "renewal.kind."],
      ["ServiceProvisioningState", "provisioning."], ["ServiceCancellationRequestStatus", "queue.tab."],
      ["ServiceCancellationType", "queue.type."], ["ServiceCancellationMode", "cancellationMode."],
      ["ServiceActivationMode", "activationMode."],
    ];
    const missing = families.flatMap(([name, prefix]) =>
      enumValues(name).map((value) => prefix + value).filter((id) => !(id in en)));
    expect(missing).toEqual([]);
  });

  it("names every kind of e-mail, in every language: the templates' folders, and each the failed e-mails page can show", () => {
    expect(EMAIL_KINDS).toContain("renewal_reminder");
    expect(EMAIL_KINDS.length).toBeGreaterThan(15);
    const types = emailEventTypes();
    expect(types.length).toBeGreaterThan(10);
    // The API answers a failed e-mail's ServiceEventType; each such type has its templates' folder.
    for (const type of types) expect(enumValues("ServiceEventType")).toContain(type);
    expect(types.map(emailKind).filter((kind) => !EMAIL_KINDS.includes(kind))).toEqual([]);
    for (const [language, messages] of Object.entries(CATALOGUES)) {
      expect(EMAIL_KINDS.map((kind) => `emails.kind.${kind}`).filter((id) => !messages[id]), language).toEqual([]);
    }
  });

  it("has the same ids in French and German, each a message that formats", () => {
    for (const [language, messages] of Object.entries(CATALOGUES)) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [id, message] of Object.entries(messages)) {
        expect(() => new IntlMessageFormat(message, language).format({
          count: 2, status: "x", action: "x", name: "x", plan: "x", days: 1, total: 2, end: "x", amount: "x",
          from: "x", to: "x", date: "x", email: "x", type: "x", reason: "x", product: "x", domain: "x",
          recipient: "x", id: "x", sentence: "x", message: "x", sku: "x", variant: "x",
        }), `${language} ${id}`).not.toThrow();
      }
    }
  });
});
