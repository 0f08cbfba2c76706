// Precompress the built app (../app/static) once, at build time: a .br (brotli, best) and a .gz
// (gzip -9) beside every text file, so `roadchief serve` and nginx send them without compressing
// on each request (app/core/static.py picks one by Accept-Encoding). Run by `npm run build`.
import { readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dir = resolve(import.meta.dirname, '../../app/static')
const TEXT = /\.(js|mjs|css|html|svg|webmanifest|json|txt|ico|map)$/
// Below this a compressed copy saves less than a TCP packet's worth.
const MIN_BYTES = 512

function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

let files = 0
let raw = 0
let br = 0
let gz = 0
for (const file of walk(dir)) {
  if (file.endsWith('.br') || file.endsWith('.gz')) {
    rmSync(file) // a stale copy from an earlier build (vite empties outDir, but be sure)
    continue
  }
  if (!TEXT.test(file) || file.includes(`${join(dir, '.vite')}`)) continue
  const source = readFileSync(file)
  if (source.length < MIN_BYTES) continue
  const b = brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  })
  const g = gzipSync(source, { level: 9 })
  // Only worth keeping when it is smaller; the server falls back to the file itself.
  if (b.length < source.length) writeFileSync(`${file}.br`, b)
  if (g.length < source.length) writeFileSync(`${file}.gz`, g)
  files += 1
  raw += source.length
  br += Math.min(b.length, source.length)
  gz += Math.min(g.length, source.length)
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`
console.log(`precompressed ${files} files: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`)
