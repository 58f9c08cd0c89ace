/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves dist/ at / and the API at /api, so the app calls relative URLs. In `npm run dev`, /api goes to
// the gateway the AppHost started (LLMLAB_GATEWAY, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': process.env.LLMLAB_GATEWAY ?? 'http://127.0.0.1:8080', '/v1': process.env.LLMLAB_GATEWAY ?? 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 1500 },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
