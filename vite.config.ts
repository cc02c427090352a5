import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; its build lands in dist/web, which the server serves in production.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
  server: {
    port: Number(process.env.PORT ?? 3000),
    proxy: { '/api': `http://127.0.0.1:${process.env.API_PORT ?? 3001}` },
  },
});
