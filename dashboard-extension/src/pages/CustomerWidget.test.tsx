import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, never, renderApp, standInBridge } from "../test-utils";
import { customerGlobalId } from "./CustomerWidget";

const ROW = (index: number) => ({ id: `U2VydmljZT${index}`, productName: `Hosting ${index}`, domain: `shop${index}.example`,
  status: "ACTIVE", nextDueDate: null });

function widget(customerId: string, rows = 12) {
  const { bridge, handshake, dispatched } = standInBridge();
  const api = fakeApi(() => ({ services: { totalCount: rows, edges: Array.from({ length: rows }, (_, i) => ({ node: ROW(i) })) } }));
  renderApp(bridge, api.fetchImpl, `/widgets/customer?customerId=${customerId}`);
  handshake();
  return { ...api, dispatched };
}

afterEach(() => vi.restoreAllMocks());

describe("Customer widget", () => {
  it("reads a numeric customer id as Saleor's User, and a global id as it is", () => {
    expect(customerGlobalId("2")).toBe("VXNlcjoy");
    expect(customerGlobalId("VXNlcjoy")).toBe("VXNlcjoy");
    expect(customerGlobalId("")).toBe("");
  });

  it("asks the API for the customer's services with a global id when given a number", async () => {
    const { requests } = widget("2");
    await screen.findByTestId("customer-services");
    expect(requests[0].variables).toEqual({ customer: "VXNlcjoy" });
    expect(screen.getByText("12 services")).toBeTruthy();
  });

  it("reports its content's height to the Dashboard (WidgetResize)", async () => {
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({ height: 436 } as DOMRect);
    const { dispatched } = widget("VXNlcjoy");
    await screen.findByTestId("customer-services");
    await waitFor(() => expect(dispatched.some((action) => action.type === "widgetResize")).toBe(true));
    const resize = dispatched.filter((action) => action.type === "widgetResize").at(-1)!;
    expect(resize.payload.height).toBe(436);
  });

  it("opens a service on the app's page through the Dashboard's redirect", async () => {
    const { dispatched } = widget("VXNlcjoy");
    await screen.findByTestId("customer-services");
    const before = window.location.pathname;
    fireEvent.click(screen.getByRole("button", { name: "Hosting 3" }));
    await waitFor(() => expect(dispatched.some((action) => action.type === "redirect")).toBe(true));
    const redirect = dispatched.find((action) => action.type === "redirect")!;
    expect(redirect.payload.to).toBe("/extensions/app/QXBwOjE%3D/services/U2VydmljZT3");
    expect(window.location.pathname).toBe(before); // the widget itself stays where it is
    expect(screen.getByTestId("customer-services")).toBeTruthy();
  });

  it("has loading, empty, no-customer and error states", async () => {
    const loading = standInBridge();
    const view = renderApp(loading.bridge, fakeApi(never).fetchImpl, "/widgets/customer?customerId=VXNlcjoy");
    loading.handshake();
    expect(await screen.findByTestId("loading")).toBeTruthy();
    view.unmount();

    widget("VXNlcjoy", 0);
    expect((await screen.findByTestId("empty")).textContent).toContain("This customer has no services.");
  });

  it("says when it is not on a customer's page, and when the API fails", async () => {
    const first = standInBridge();
    const view = renderApp(first.bridge, fakeApi(never).fetchImpl, "/widgets/customer");
    first.handshake();
    expect((await screen.findByTestId("empty")).textContent).toContain("Open this on a customer's page.");
    view.unmount();

    const second = standInBridge();
    renderApp(second.bridge, fakeApi(() => ({ errors: [{ message: "Couldn't resolve id" }] })).fetchImpl,
      "/widgets/customer?customerId=VXNlcjoy");
    second.handshake();
    expect((await screen.findByTestId("error")).textContent).toContain("Couldn't resolve id");
  });
});
