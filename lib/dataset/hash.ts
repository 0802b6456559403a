/** A content hash for the dataset's version: pure JavaScript, so it runs anywhere. */

/** 128-bit FNV-1a of the string's UTF-16 code units, as 32 hex digits. */
export function contentHash(text: string): string {
  // Four 32-bit FNV-1a lanes with different offsets: no crypto module needed, stable everywhere.
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995, 0x9e3779b9, 0x85ebca6b];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (c + l * 0x9e37), 0x01000193) >>> 0;
  }
  return lanes.map((h) => h.toString(16).padStart(8, '0')).join('');
}
