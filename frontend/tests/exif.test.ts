import { describe, expect, it } from 'vitest'
import { exifSegment, withExif } from '@/lib/exif'

function segment(marker: number, payload: number[]): number[] {
  const len = payload.length + 2
  return [0xff, marker, len >> 8, len & 0xff, ...payload]
}

/** APP1 "Exif" with a little-endian TIFF holding one IFD0 entry: Orientation = 6 (rotated). */
function exifApp1(orientation: number): number[] {
  const tiff = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]
  const ifd = [0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
  return segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff, ...ifd])
}

const SOI = [0xff, 0xd8]
const SCAN = [0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]
const JFIF = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
const DQT = segment(0xdb, [0x00, 0x01])

/** The orientation value of an EXIF segment right after SOI: marker+length, "Exif\0\0", TIFF header, count, entry. */
function orientationOf(jpeg: Uint8Array): number {
  return jpeg[2 + 4 + 6 + 8 + 2 + 8]!
}

describe('EXIF on the compressed photo', () => {
  const original = new Uint8Array([...SOI, ...exifApp1(6), ...SCAN])
  const compressed = new Uint8Array([...SOI, ...JFIF, ...DQT, ...SCAN])

  it("puts the camera's EXIF in place of the encoder's JFIF header, marked upright", () => {
    const out = withExif(original, compressed)
    expect([...out.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe1])
    expect(orientationOf(out)).toBe(1)
    expect([...out.subarray(out.length - DQT.length - SCAN.length)]).toEqual([...DQT, ...SCAN])
    expect(out.length).toBe(compressed.length - JFIF.length + exifApp1(6).length)
  })

  it('leaves the original untouched', () => {
    withExif(original, compressed)
    expect(orientationOf(original)).toBe(6)
  })

  it('returns the compressed photo as is when the original has no EXIF', () => {
    const bare = new Uint8Array([...SOI, ...JFIF, ...SCAN])
    expect(withExif(bare, compressed)).toBe(compressed)
  })

  it('ignores what is not a JPEG', () => {
    expect(exifSegment(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull()
  })
})
