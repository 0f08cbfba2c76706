// The PWA's API types, generated from the server's OpenAPI document (no server runs: the
// document comes from `roadchief openapi`).
//   node scripts/api.mjs generate   writes src/api/schema.gen.ts
//   node scripts/api.mjs check      exits 1 when the committed file differs from what the
//                                   current server would generate (run by `make test`)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'

const root = resolve(import.meta.dirname, '../..')
const target = resolve(import.meta.dirname, '../src/api/schema.gen.ts')
const python = process.env.ROADCHIEF_PYTHON ?? resolve(root, '.venv/bin/python')
const ARGS = ['-m', 'app.cli', 'openapi']
const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api:generate\`: do not edit.
 * \`npm run api:check\` (in \`make test\`) fails when the server's answers change and this
 * file was not regenerated. Use it through the aliases in ./types.ts.
 */

`

async function generate() {
  const json = execFileSync(python, ARGS, {
    cwd: root,
    encoding: 'utf-8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ROADCHIEF_ENVIRONMENT: 'test' },
  })
  const ast = await openapiTS(JSON.parse(json), { alphabetize: false, defaultNonNullable: false })
  return HEADER + astToString(ast)
}

const mode = process.argv[2]
const text = await generate()
if (mode === 'generate') {
  writeFileSync(target, text)
  console.log(`wrote ${target}`)
} else if (mode === 'check') {
  const committed = existsSync(target) ? readFileSync(target, 'utf-8') : ''
  if (committed !== text) {
    console.error(
      'src/api/schema.gen.ts is not what the server describes: run `npm run api:generate`, ' +
        'then `npm run typecheck` to see what the change breaks.',
    )
    process.exit(1)
  }
  console.log('src/api/schema.gen.ts matches the server')
} else {
  console.error('usage: node scripts/api.mjs generate|check')
  process.exit(2)
}
