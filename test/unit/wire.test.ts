import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from '../../shared/wire.js';
import { isClientMessage } from '../../shared/protocol.js';

describe('wire frames', () => {
  it('round-trips JSON with binary parts intact', () => {
    const arrow = new Uint8Array([0, 1, 2, 250, 255]);
    const message = { kind: 'response', id: 'a-1', ok: true, result: { page: { arrow, total: 5 }, list: [new Uint8Array([9])] } };
    const back = decodeFrame(encodeFrame(message)) as typeof message;
    expect(back.result.page.total).toBe(5);
    expect(Array.from(back.result.page.arrow)).toEqual([0, 1, 2, 250, 255]);
    expect(Array.from(back.result.list[0])).toEqual([9]);
  });

  it('refuses truncated frames', () => {
    const frame = encodeFrame({ a: new Uint8Array(10) });
    expect(() => decodeFrame(frame.subarray(0, frame.length - 3))).toThrow(/Truncated/);
  });

  it('recognises only well-formed client messages', () => {
    expect(isClientMessage({ kind: 'request', id: '1', method: 'engine.hello', args: {} })).toBe(true);
    expect(isClientMessage({ kind: 'cancel', id: '1' })).toBe(true);
    expect(isClientMessage({ kind: 'control', action: 'restartEngine' })).toBe(true);
    expect(isClientMessage({ kind: 'control', action: 'rm -rf' })).toBe(false);
    expect(isClientMessage({ kind: 'request', id: 1, method: 'x' })).toBe(false);
    expect(isClientMessage(null)).toBe(false);
  });
});
