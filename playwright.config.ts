import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Debian's chromium (apt-get install chromium); Playwright's own browser download is not possible here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// --no-sandbox: CI runs as root. The network flags stop Chromium calling Google services on a closed network.
const args = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-gpu',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: /measure-webgpu\.spec\.ts/, use: { launchOptions: { executablePath, args } } },
    {
      // Chromium's software WebGPU adapter (SwiftShader, isFallbackAdapter = true): the Measure panel's WebGPU path
      name: 'webgpu',
      testMatch: /measure-webgpu\.spec\.ts/,
      use: { launchOptions: { executablePath, args: [...args, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    // The production build (run `vite build` first); E2E_DEV=1 runs against the dev server instead.
    command: process.env.E2E_DEV
      ? `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`
      : `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
