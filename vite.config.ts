import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const ANTD = /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/;
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The web app: src/web/index.html → dist/web (served by the API server at /, SPA fallback).
 * `npm run dev:web` proxies /api to a running `jixiao serve` (JIXIAO_API, default http://127.0.0.1:3000).
 */
const apiTarget = process.env.JIXIAO_API ?? 'http://127.0.0.1:3000';
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // ECharts is reached only through the chart's dynamic import: it stays off the first page.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            // dayjs (and its zh-cn locale) is set up on the first page; left ungrouped, rolldown put it
            // inside antd-pages and the first page loaded all of antd-pages for it (bench/web.bench.ts).
            { name: 'dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 25 },
            // antd's core that the entry itself needs. The rest of antd is left to rolldown's own
            // splitting by importer: one catch-all antd-pages group (772 KB) was a dependency of the
            // lazily loaded login page too, putting the first page at 446 KB gzip; split, it is ~270 KB.
            { name: 'antd', test: ANTD, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api/': { target: apiTarget },
    },
  },
});
