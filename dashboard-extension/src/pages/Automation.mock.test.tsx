import { ThemeProvider } from "@saleor/macaw-ui";
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type Client, Provider } from "urql";
import { fromValue, never } from "wonka";
import { AppContextProvider } from "../App";
import { Translated } from "../i18n";
import { standInBridge } from "../test-utils";
import { Automation } from "./Automation";

/** urql's own test pattern: a client whose executeQuery is a wonka source. */
function renderWith(executeQuery: Client["executeQuery"], locale = "en") {
  const client = { executeQuery, executeMutation: vi.fn(() => never), executeSubscription: vi.fn(() => never) } as unknown as Client;
  const { bridge } = standInBridge();
  return render(
    <ThemeProvider>
      <Translated locale={locale}>
        <Provider value={client}>
          <AppContextProvider value={{ bridge, navigate: () => undefined }}>
            <Automation />
          </AppContextProvider>
        </Provider>
      </Translated>
    </ThemeProvider>,
  );
}

const STEP = (step: string, count: number) => ({
  step, count, services: Array.from({ length: count }, (_, index) => ({
    id: `${step}${index}`, productName: "Hosting", domain: `d${index}.example`, status: "ACTIVE", nextDueDate: "2026-06-01",
    userEmail: "ada@example.com",
  })),
});

describe("Tonight's automation, with a mock urql client", () => {
  it("is loading while the source has not answered", () => {
    renderWith(vi.fn(() => never) as never);
    expect(screen.getByTestId("loading")).toBeTruthy();
  });

  it("shows each step's count from the answer, in French", async () => {
    const executeQuery = vi.fn(() => fromValue({
      data: { serviceAutomationPreview: [STEP("generate_renewals", 2), STEP("suspend_overdue", 0)] },
    }));
    renderWith(executeQuery as never, "fr");
    expect((await screen.findByText("Renouvellements à émettre")).closest("[data-step]")!.textContent).toContain("2 services");
    expect(document.querySelector('[data-step="suspend_overdue"] [data-count]')!.getAttribute("data-count")).toBe("0");
    expect(executeQuery).toHaveBeenCalledWith(expect.objectContaining({ variables: { date: null } }), expect.anything());
  });
});
