/**
 * Frames for byte-oriented transports (WebSocket): JSON for the envelope, raw bytes for binary parts,
 * so Arrow pages are not inflated into base64 or number arrays.
 * Layout: u32 json length | json | (u32 length | bytes)*; each Uint8Array in the message becomes {"$bin": n}.
 */
const BIN = '$bin';

export function encodeFrame(message: unknown): Uint8Array<ArrayBuffer> {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(message, (_key, value) => {
    if (value instanceof Uint8Array) {
      blobs.push(value);
      return { [BIN]: blobs.length - 1 };
    }
    return value;
  });
  const head = new TextEncoder().encode(json);
  let size = 4 + head.byteLength;
  for (const b of blobs) size += 4 + b.byteLength;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, head.byteLength);
  out.set(head, 4);
  let at = 4 + head.byteLength;
  for (const b of blobs) {
    view.setUint32(at, b.byteLength);
    out.set(b, at + 4);
    at += 4 + b.byteLength;
  }
  return out;
}

export function decodeFrame(frame: Uint8Array): unknown {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headLength = view.getUint32(0);
  if (headLength + 4 > frame.byteLength) throw new Error('Truncated frame');
  const json = new TextDecoder().decode(frame.subarray(4, 4 + headLength));
  const blobs: Uint8Array[] = [];
  let at = 4 + headLength;
  while (at < frame.byteLength) {
    const length = view.getUint32(at);
    if (at + 4 + length > frame.byteLength) throw new Error('Truncated frame');
    blobs.push(frame.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return JSON.parse(json, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && BIN in value) {
      const blob = blobs[(value as Record<string, number>)[BIN]];
      if (!blob) throw new Error('Frame refers to a missing binary part');
      return blob;
    }
    return value;
  });
}
