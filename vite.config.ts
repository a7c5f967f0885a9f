import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = import.meta.dirname;

export default defineConfig({
  root: path.join(root, "src/web"),
  plugins: [react()],
  build: {
    outDir: path.join(root, "dist/web"),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    // `npm run dev`: the API server listens on 3001 and Vite forwards /api to it.
    proxy: { "/api": `http://127.0.0.1:${process.env.SECTOR_API_PORT ?? 3001}` },
  },
});
