/**
 * Keep the camera's EXIF (capture time, GPS when the phone gives it) on the compressed copy, so
 * the server can read the evidence; the orientation is reset because the pixels are now upright.
 */

const SOI = 0xd8
const SOS = 0xda
const EOI = 0xd9
const APP0 = 0xe0
const APP1 = 0xe1
const ORIENTATION = 0x0112

function isExif(b: Uint8Array, p: number): boolean {
  // "Exif\0\0" after the marker and length
  return b[p + 4] === 0x45 && b[p + 5] === 0x78 && b[p + 6] === 0x69 && b[p + 7] === 0x66 && b[p + 8] === 0 && b[p + 9] === 0
}

/** Walk the segments before the image data; yields [marker, start, end). */
function* segments(b: Uint8Array): Generator<[number, number, number]> {
  if (b[0] !== 0xff || b[1] !== SOI) return
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let p = 2
  while (p + 4 <= b.length && b[p] === 0xff) {
    const marker = b[p + 1]!
    if (marker === SOS || marker === EOI) return
    const end = p + 2 + v.getUint16(p + 2)
    if (end > b.length) return
    yield [marker, p, end]
    p = end
  }
}

function resetOrientation(seg: Uint8Array): void {
  const v = new DataView(seg.buffer, seg.byteOffset, seg.byteLength)
  const tiff = 10
  if (tiff + 8 > seg.length) return
  const little = v.getUint16(tiff) === 0x4949
  const ifd = tiff + v.getUint32(tiff + 4, little)
  if (ifd + 2 > seg.length) return
  const n = v.getUint16(ifd, little)
  for (let i = 0; i < n; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > seg.length) return
    if (v.getUint16(entry, little) === ORIENTATION) {
      v.setUint16(entry + 8, 1, little)
      return
    }
  }
}

/** The EXIF segment of a JPEG (a copy, orientation set to upright), or null. */
export function exifSegment(jpeg: Uint8Array): Uint8Array | null {
  for (const [marker, start, end] of segments(jpeg)) {
    if (marker === APP1 && isExif(jpeg, start)) {
      const seg = jpeg.slice(start, end)
      resetOrientation(seg)
      return seg
    }
  }
  return null
}

/** The compressed JPEG with the original's EXIF in place of the encoder's JFIF header. */
export function withExif(original: Uint8Array, compressed: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const exif = exifSegment(original)
  if (!exif || compressed[0] !== 0xff || compressed[1] !== SOI) return compressed
  let rest = 2
  for (const [marker, , end] of segments(compressed)) {
    if (marker !== APP0) break
    rest = end
  }
  const out = new Uint8Array(2 + exif.length + compressed.length - rest)
  out.set(compressed.subarray(0, 2), 0)
  out.set(exif, 2)
  out.set(compressed.subarray(rest), 2 + exif.length)
  return out
}
