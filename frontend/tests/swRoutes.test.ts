import { describe, expect, it } from 'vitest'
import { servedByServer } from '@/swRoutes'

describe('service worker navigations', () => {
  it('leaves the API, the schema and the API docs to the server', () => {
    for (const path of ['/docs', '/docs/', '/docs/assets/swagger-init.js', '/redoc', '/openapi.json', '/api/docs', '/api/bulletin/print']) {
      expect(servedByServer(path), path).toBe(true)
    }
  })

  it('answers the app routes from the cached shell', () => {
    for (const path of ['/', '/report', '/console', '/console/bulletin', '/tickets/12', '/docsearch', '/redoc-like']) {
      expect(servedByServer(path), path).toBe(false)
    }
  })
})
