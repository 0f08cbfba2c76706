import { fileURLToPath, URL } from 'node:url'
import VueI18n from '@intlify/unplugin-vue-i18n/vite'
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

/**
 * The inspector's first screen in one request: the field layout and the report screen, with
 * everything they import that the entry does not already carry, become one chunk ("field"), which
 * index.html fetches beside the entry (modulepreload, its stylesheet linked) instead of after it.
 * On a 562 ms round trip, 30 small chunks in waves of six cost seconds; this is one.
 * The other field screens share it (it holds the Vant components they use too).
 */
const FIRST_SCREEN = ['/src/layouts/MobileLayout.vue', '/src/pages/ReportPage.vue']
function firstScreenChunk(): Plugin {
  const captured = new Set<string>()
  const shell = new Set<string>()
  let base = '/'
  return {
    name: 'roadchief:first-screen-chunk',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            // Desk and citizen screens are named so the service worker can leave them out (below).
            chunkFileNames: (chunk: { moduleIds: string[] }) => {
              const own = chunk.moduleIds.filter((id) => id.includes('/src/'))
              for (const area of ['console', 'citizen'])
                if (own.length && own.every((id) => id.includes(`/src/pages/${area}/`))) return `assets/${area}-[name]-[hash].js`
              return 'assets/[name]-[hash].js'
            },
            codeSplitting: {
              // Its own dependencies are captured or in the entry already: nothing to pull in.
              groups: [
                // What main.ts imports, in one script rather than the five Rolldown would share out.
                { name: 'app', test: (id: string) => shell.has(id), includeDependenciesRecursively: false },
                { name: 'field', test: (id: string) => captured.has(id), includeDependenciesRecursively: false },
              ],
            },
          },
        },
      },
    }),
    configResolved(config) {
      base = config.base
    },
    buildEnd() {
      const ids = [...this.getModuleIds()]
      const closure = (roots: string[]) => {
        const seen = new Set<string>()
        const visit = (id: string) => {
          if (seen.has(id)) return
          seen.add(id)
          for (const dep of this.getModuleInfo(id)?.importedIds ?? []) visit(dep)
        }
        roots.forEach(visit)
        return seen
      }
      const entries = ids.filter((id) => this.getModuleInfo(id)?.isEntry)
      const entry = closure(entries)
      for (const id of entry) if (!entries.includes(id)) shell.add(id)
      const roots = FIRST_SCREEN.map((f) => ids.find((id) => id.endsWith(f)))
      if (roots.some((r) => !r)) this.error(`first screen modules not found: ${FIRST_SCREEN.join(', ')}`)
      for (const id of closure(roots as string[])) if (!entry.has(id)) captured.add(id)
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'field')
        if (!chunk || chunk.type !== 'chunk') throw new Error('no "field" chunk in the build')
        const css = [...(chunk.viteMetadata?.importedCss ?? [])]
        const tags = [
          `<link rel="modulepreload" crossorigin href="${base}${chunk.fileName}">`,
          ...css.map((f) => `<link rel="stylesheet" crossorigin href="${base}${f}">`),
        ]
        // Stylesheets after the splash: it paints while they load (they still come before any
        // screen: the first screen's chunk waits for its stylesheet).
        const sheets = [...html.matchAll(/\s*<link rel="stylesheet"[^>]*>/g)].map((m) => m[0].trim())
        for (const sheet of sheets) html = html.replace(sheet, '')
        html = html.replace('</head>', `  ${tags.filter((t) => !t.includes('stylesheet')).join('\n    ')}\n  </head>`)
        const links = [...sheets, ...tags.filter((t) => t.includes('stylesheet'))]
        return html.replace('</body>', `  ${links.join('\n    ')}\n  </body>`)
      },
    },
  }
}

/**
 * Vant's resolver imports every component from the package's index; point each at its own module
 * (`vant/es/button`) so a chunk holds only the components it uses (the index drags all of Vant into
 * any chunk that the first-screen grouping names). Same components, same styles.
 */
function vantByPath(resolver: ReturnType<typeof VantResolver>): ReturnType<typeof VantResolver> {
  return {
    ...resolver,
    resolve: (name: string) => {
      const found = resolver.resolve(name)
      if (!found || typeof found === 'string' || found.from !== 'vant/es' || !name.startsWith('Van')) return found
      const dir = name.slice(3).replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
      return { ...found, name: 'default', from: `vant/es/${dir}` }
    },
  }
}

const version = `${process.env.npm_package_version ?? '0.0.0'}+${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}`

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  plugins: [
    // <altcha-widget> is a web component (the 随手拍 proof-of-work), not a Vue component.
    // Every component is <script setup> (Vant's too): Vue's Options API is left out (≈ 4 KB gzip).
    vue({ features: { optionsAPI: false }, template: { compilerOptions: { isCustomElement: (tag) => tag === 'altcha-widget' } } }),
    // vue-i18n's runtime-only build: every message file (src/locales/, src/**/locales/) is compiled
    // here, at build time, so the message compiler (≈ 10 KB gzip) never reaches a phone. Only the
    // Composition API (createI18n({ legacy: false })), no global <i18n-t>, no devtools hooks.
    // A message file must be a plain `export default { … }` for this to see its strings.
    VueI18n({
      include: [fileURLToPath(new URL('./src/locales/**', import.meta.url)), fileURLToPath(new URL('./src/**/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
    }),
    vantIconFontFile(),
    firstScreenChunk(),
    Components({ resolvers: [vantByPath(VantResolver())], dts: 'src/components.d.ts' }),
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
        // Phones keep what they use in the street. The console (live map, dispatch, bulletin,
        // ledger, admin, campaigns: used online from a desk) and the citizens' pages (随手拍 needs
        // the server's proof-of-work challenge; tracking and the board are online by nature) are
        // not precached, nor is the 新建自查 form (creating a self-check needs the server; the 测评
        // tab offers it only online; scoring one works offline like any round).
        globIgnores: ['**/assets/{console,citizen}-*', '**/assets/EvalSelfCheckPage-*'],
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
