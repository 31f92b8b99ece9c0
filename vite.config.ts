import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Cross-origin isolation (COOP/COEP) lets the engine share memory between workers
 * (SharedArrayBuffer); set for dev and preview alike so both behave as production.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts', 'presets/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-support/load-kinds.ts'],
    testTimeout: 30000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit-results.json' },
  },
});
