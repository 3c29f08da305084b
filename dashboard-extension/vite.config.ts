/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into the Python package, served under whatever prefix the host gives it:
// asset URLs stay relative and the server injects <base href>.
export default defineConfig({
  plugins: [react()],
  base: "./",
  build: {
    outDir: "../saleor_services/dashboard/static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test-setup.ts"],
    // A stall guard, not a speed check: a loaded 2-core CI machine renders slowly.
    testTimeout: 30000,
  },
});
