import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { VantResolver } from '@vant/auto-import-resolver'
import Components from 'unplugin-vue-components/vite'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * Vant inlines its icon font (≈ 30 KB of base64) into the CSS, where it blocks the first paint.
 * Move it to its own file (precached like the rest), and drop the CDN fallback: the app is offline-first.
 */
function vantIconFontFile(): Plugin {
  const DATA_URL = /url\(["']?data:font\/woff2;[^,]*base64,([A-Za-z0-9+/=]+)["']?\)\s*format\(["']?woff2["']?\)(\s*,\s*url\([^)]*alicdn[^)]*\)\s*format\(["']?woff["']?\))?/
  return {
    name: 'roadchief:vant-icon-font-file',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css') || typeof asset.source !== 'string') continue
        const m = asset.source.match(DATA_URL)
        if (!m?.[1]) continue
        const ref = this.emitFile({ type: 'asset', name: 'vant-icon.woff2', source: Buffer.from(m[1], 'base64') })
        asset.source = asset.source.replace(DATA_URL, `url(/${this.getFileName(ref)}) format("woff2")`)
      }
    },
  }
}

/**
 * vite-plugin-pwa builds the service worker with rollup's `inlineDynamicImports`, which Vite 8
 * reports as deprecated on every build: same meaning under its current name.
 */
function serviceWorkerAsOneFile(): Plugin {
  return {
    name: 'roadchief:sw-one-file',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (output && !Array.isArray(output) && 'inlineDynamicImports' in output) {
        delete output.inlineDynamicImports
        Object.assign(output, { codeSplitting: false })
      }
    },
  }
}

const version = `${process.env.npm_package_version ?? '0.0.0'}+${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}`

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
    // vue-i18n: the Composition API only (createI18n({ legacy: false })); its legacy API and
    // devtools hooks are left out of the bundle (about 3 KB gzip of what phones download).
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  plugins: [
    // <altcha-widget> is a web component (the 随手拍 proof-of-work), not a Vue component.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'altcha-widget' } } }),
    vantIconFontFile(),
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '路长通',
        short_name: '路长通',
        description: '路长制巡查上报与整改 — RoadChief',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f5f7fa',
        theme_color: '#1c64f2',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest,woff2}'],
        buildPlugins: { vite: [serviceWorkerAsOneFile()] },
        // The admin pages (org-chart editor with map drawing, people, towns and zones, categories,
        // site types, calendar, change log, notification channels) and the campaign pages are
        // used online from a desk: phones do not download them. Nor is the 新建自查 form:
        // creating a self-check needs the server (the 测评 tab offers it only online); scoring
        // one works offline like any round.
        globIgnores: ['**/assets/{OrgPage,UsersPage,AreasPage,CategoriesPage,SiteTypesPage,CalendarPage,AuditPage,AdminLayout,NotifyPage,CampaignsPage,CampaignPage,EvalSelfCheckPage}-*'],
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
  build: {
    outDir: '../app/static',
    emptyOutDir: true,
    // scripts/size.mjs reads it to weigh what the report screen needs.
    manifest: true,
    target: 'es2020',
  },
})
