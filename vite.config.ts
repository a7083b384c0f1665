import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page crossOriginIsolated (SharedArrayBuffer, multithreaded onnxruntime-web wasm).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
  test: {
    include: ['tests/unit/**/*.test.ts'], // Playwright specs live in tests/e2e
    environment: 'node',
    testTimeout: 60_000,
  },
});
