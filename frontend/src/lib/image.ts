/** Photo compression on the phone: long edge ≤ 1920 px, JPEG 0.8, within the canvas limits. */
import { withExif } from './exif'

export const MAX_EDGE = 1920
export const JPEG_QUALITY = 0.8
// iOS Safari refuses canvases above 16.7 M pixels (4096 × 4096); stay below it whatever MAX_EDGE is.
const MAX_CANVAS_AREA = 16_777_216

export interface PreparedPhoto {
  blob: Blob
  name: string
  type: string
}

export function targetSize(w: number, h: number, maxEdge = MAX_EDGE): { width: number; height: number } {
  let scale = Math.min(1, maxEdge / Math.max(w, h))
  if (w * h * scale * scale > MAX_CANVAS_AREA) scale = Math.sqrt(MAX_CANVAS_AREA / (w * h))
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) }
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d')
    if (!ctx) return null
    ctx.drawImage(bitmap, 0, 0, width, height)
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY })
  }
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.drawImage(bitmap, 0, 0, width, height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY))
  // Release the backing store at once: iOS counts canvas memory across the page.
  canvas.width = canvas.height = 0
  return blob
}

/**
 * Compress a camera photo. If the browser cannot decode it (HEIC outside Safari) or anything
 * fails, the original is sent as is — the server accepts HEIC and makes its own copies.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const original: PreparedPhoto = { blob: file, name: file.name || 'photo.jpg', type: file.type || 'application/octet-stream' }
  if (typeof createImageBitmap === 'undefined') return original
  let bitmap: ImageBitmap | undefined
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const { width, height } = targetSize(bitmap.width, bitmap.height)
    const encoded = await encode(bitmap, width, height)
    if (!encoded) return original
    const bytes = /jpe?g/i.test(file.type)
      ? withExif(new Uint8Array(await file.arrayBuffer()), new Uint8Array(await encoded.arrayBuffer()))
      : new Uint8Array(await encoded.arrayBuffer())
    // A small photo may get bigger when re-encoded; keep whichever is smaller.
    if (bytes.length >= file.size && /jpe?g/i.test(file.type)) return original
    const blob = new Blob([bytes], { type: 'image/jpeg' })
    return { blob, name: original.name.replace(/\.\w+$/, '') + '.jpg', type: 'image/jpeg' }
  } catch {
    return original
  } finally {
    bitmap?.close()
  }
}
