/**
 * Every i18n key the code uses exists in zh-CN and in en — the field app and the console (and any
 * page another feature adds): a missing key shows as raw text such as `common.confirm` on screen.
 *
 * Keys are found in the source by their call: t('a.b'), $t("a.b"), te(`a.b`), i18n.global.t('a.b').
 * A key built at run time (t(`status.${s}`)) is checked by its fixed part: `status` must be a group
 * in both languages. Both languages must also have the same keys, so a built key present in one is
 * present in the other.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'

type Messages = { [k: string]: string | Messages }
const LOCALES = ['zh-CN', 'en'] as const
const merged: Record<(typeof LOCALES)[number], Messages> = { 'zh-CN': {}, en: {} }

function mergeInto(into: Messages, from: Messages): void {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k]
    if (typeof v === 'object' && typeof cur === 'object') mergeInto(cur, v)
    else into[k] = typeof v === 'object' ? structuredClone(v) : v
  }
}

// Feature modules add their strings with i18n.global.mergeLocaleMessage when their chunk loads:
// a stand-in i18n collects them (the real one would pull Vant into a Node test).
vi.mock('@/i18n', () => ({
  i18n: {
    global: {
      mergeLocaleMessage: (locale: string, messages: Messages) => {
        if (locale in merged) mergeInto(merged[locale as keyof typeof merged], messages)
      },
      t: (key: string) => key,
      te: () => true,
      locale: { value: 'zh-CN' },
    },
  },
  setLocale: async () => undefined,
}))

// The source text of every screen and module, and a loader for each module (Vite resolves both).
const sources = import.meta.glob<string>(['/src/**/*.{ts,vue}', '!/src/**/*.d.ts', '!/src/locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const modules = import.meta.glob('/src/**/*.ts')

interface Use {
  key: string
  /** The key's fixed start when the rest is built at run time. */
  dynamic: boolean
  where: string
}

const CALL = /(?<![\w.$])(?:\$t|t|te|tc|i18n\.global\.t)\(\s*(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g

function uses(): Use[] {
  const out: Use[] = []
  for (const [file, text] of Object.entries(sources)) {
    for (const m of text.matchAll(CALL)) {
      const raw = m[2]!
      const line = text.slice(0, m.index).split('\n').length
      const where = `${file.slice(1)}:${line}`
      const cut = raw.indexOf('${')
      if (m[1] === '`' && cut >= 0) out.push({ key: raw.slice(0, cut), dynamic: true, where })
      else if (/^[\w-]+(\.[\w-]+)+$/.test(raw)) out.push({ key: raw, dynamic: false, where })
    }
  }
  return out
}

function lookup(messages: Messages, path: string[]): string | Messages | undefined {
  let cur: string | Messages | undefined = messages
  for (const part of path) cur = typeof cur === 'object' ? cur[part] : undefined
  return cur
}

/** A fixed key is a string; a built key's start is a group (or the start of a group's keys). */
function present(messages: Messages, use: Use): boolean {
  if (!use.dynamic) return typeof lookup(messages, use.key.split('.')) === 'string'
  const parts = use.key.split('.')
  const partial = parts.pop()!
  const group = lookup(messages, parts)
  return typeof group === 'object' && Object.keys(group).some((k) => k.startsWith(partial))
}

function leaves(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) => (typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

beforeAll(async () => {
  mergeInto(merged['zh-CN'], (await import('@/locales/zh-CN')).default as Messages)
  mergeInto(merged.en, (await import('@/locales/en')).default as Messages)
  for (const [file, text] of Object.entries(sources)) {
    if (text.includes('mergeLocaleMessage(') && modules[file]) await modules[file]()
  }
})

describe('i18n keys', () => {
  it('finds the keys the screens use (the scan itself works)', () => {
    const found = uses()
    expect(found.length).toBeGreaterThan(200)
    expect(found.some((u) => u.where.startsWith('src/pages/console') && u.key.startsWith('cc.'))).toBe(true)
  })

  for (const locale of LOCALES) {
    it(`has every key the code uses in ${locale}`, () => {
      const missing = uses()
        .filter((u) => !present(merged[locale], u))
        .map((u) => `  ${u.dynamic ? `${u.key}… (built at run time)` : u.key}   used at ${u.where}`)
      expect(missing, `keys missing from ${locale} (add them to src/locales/${locale}.ts or the feature's locale module):\n${missing.join('\n')}\n`).toEqual([])
    })
  }

  it('has the same keys in zh-CN and en', () => {
    const zh = new Set(leaves(merged['zh-CN']))
    const en = new Set(leaves(merged.en))
    const onlyZh = [...zh].filter((k) => !en.has(k)).map((k) => `  ${k}: in zh-CN, missing from en`)
    const onlyEn = [...en].filter((k) => !zh.has(k)).map((k) => `  ${k}: in en, missing from zh-CN`)
    expect([...onlyZh, ...onlyEn], `the two languages differ:\n${[...onlyZh, ...onlyEn].join('\n')}\n`).toEqual([])
  })
})
