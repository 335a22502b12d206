import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` serves the SPA with hot reload and sends the session's API and sign-in callback to the admin
// backend (ADMIN_URL, default the local platform's), which keeps the tokens; `npm run build` writes dist/ for it.
const backend = process.env.ADMIN_URL ?? 'http://127.0.0.1:5300';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      '/bff': backend,
      '/auth': backend,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
