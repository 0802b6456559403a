import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium with the built extension loaded
// (see tests/e2e/fixtures.ts). Each test gets a fresh profile.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '.tmp/test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  forbidOnly: true,
});
