/** CRC-32 as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number;
/** Encodes RGBA pixels as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
/** Decodes a PNG written by encodePng. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Buffer };
