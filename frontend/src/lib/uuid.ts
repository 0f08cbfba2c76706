/**
 * A v4 UUID. crypto.randomUUID needs a secure context and a recent engine: plain-http LAN
 * installs and older in-app browsers (WeChat's on some phones) lack it, getRandomValues does not.
 */
export function uuid(): string {
  const c = crypto as Partial<Crypto> & Pick<Crypto, 'getRandomValues'>
  if (typeof c.randomUUID === 'function') return c.randomUUID()
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
