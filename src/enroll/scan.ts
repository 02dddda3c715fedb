// What a signed scan may be: decided by its first bytes, never by its name (ECLUB-API.md:
// PDF, JPEG or PNG, at most 10 MiB). Shared by `eclub attach` and the reference server.

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: ReadonlyArray<{ type: ScanType; magic: readonly number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

export function detectScanType(bytes: Uint8Array): ScanType | null {
  const hit = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  return hit ? hit.type : null;
}

export function scanExtension(type: ScanType): string {
  return { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[type];
}
