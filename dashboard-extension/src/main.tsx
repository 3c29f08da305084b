import "@saleor/macaw-ui/style";
import { ThemeProvider } from "@saleor/macaw-ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createBridge } from "./bridge";

const bridge = createBridge();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ThemeProvider>
      <App bridge={bridge} fetchImpl={window.fetch.bind(window)} />
    </ThemeProvider>
  </StrictMode>,
);
