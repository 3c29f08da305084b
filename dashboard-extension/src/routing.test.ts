import { describe, expect, it } from "vitest";
import { routeOf } from "./routing";

const BASE = "/plugins/global/saleor_services/dashboard";

describe("routeOf", () => {
  it("reads the app's root, with or without its slash, as the services list", () => {
    expect(routeOf(BASE, "", BASE)).toBe("/");
    expect(routeOf(`${BASE}/`, "?id=QXBwOjE%3D", BASE)).toBe("/?id=QXBwOjE%3D");
  });

  it("keeps a deep link's route, as a reload frames it", () => {
    expect(routeOf(`${BASE}/services/U2VydmljZTox`, "?theme=dark", BASE)).toBe("/services/U2VydmljZTox?theme=dark");
    expect(routeOf(`${BASE}/cancellation-requests`, "", BASE)).toBe("/cancellation-requests");
  });

  it("collapses the doubled slash of a joined URL", () => {
    expect(routeOf(`${BASE}//widgets/customer`, "?customerId=2", BASE)).toBe("/widgets/customer?customerId=2");
  });
});
