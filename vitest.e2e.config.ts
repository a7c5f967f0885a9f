import { defineConfig } from "vitest/config";

process.env.TZ = "UTC";

export default defineConfig({
  test: {
    name: "e2e",
    env: { TZ: "UTC" },
    include: ["test/e2e/**/*.spec.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser journey at a time: the machine has two cores and the server is shared.
    fileParallelism: false,
  },
});
