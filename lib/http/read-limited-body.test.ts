import { describe, expect, it } from "vitest";

import { DRAIN_MAX_BYTES, isBodyTooLarge, readLimitedBody, tooLargeHeaders } from "./read-limited-body";

function chunkedRequest(chunks: number, chunkBytes: number, options: { endless?: boolean } = {}) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= chunks && !options.endless) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return {
    request: new Request("http://test/", { method: "POST", body, duplex: "half" } as RequestInit),
    read: () => sent,
  };
}

describe("readLimitedBody", () => {
  it("returns a body within the limit whole", async () => {
    const { request } = chunkedRequest(4, 1000);
    const read = await readLimitedBody(request, 4000);
    expect(isBodyTooLarge(read) ? "too large" : read.byteLength).toBe(4000);
  });

  it("returns a body of a declared length whole, its bytes in order", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 5) return controller.close();
        controller.enqueue(new Uint8Array(300).fill(sent));
        sent += 1;
      },
    });
    const request = new Request("http://test/", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-length": "1500" },
    } as RequestInit);
    const read = await readLimitedBody(request, 4000);
    if (isBodyTooLarge(read)) throw new Error("refused");
    expect(read.byteLength).toBe(1500);
    expect([read[0], read[299], read[300], read[1499]]).toEqual([0, 0, 1, 4]);
  });

  it("keeps a body longer than it declared, and refuses one that passes the limit", async () => {
    const longer = new Request(chunkedRequest(4, 1000).request, { headers: { "content-length": "2500" } });
    const read = await readLimitedBody(longer, 4000);
    expect(isBodyTooLarge(read) ? "too large" : read.byteLength).toBe(4000);
    const past = new Request(chunkedRequest(6, 1000).request, { headers: { "content-length": "2500" } });
    expect(await readLimitedBody(past, 4000)).toEqual({ tooLarge: true, closeConnection: false });
  });

  it("reads the rest of an oversized body and throws it away, so the connection stays usable", async () => {
    const { request, read } = chunkedRequest(80, 64 * 1024);
    const refusal = await readLimitedBody(request, 1024 * 1024);
    expect(refusal).toEqual({ tooLarge: true, closeConnection: false });
    expect(read()).toBe(80);
    expect(tooLargeHeaders(refusal as never)).toEqual({});
  });

  it("gives up past the drain bound and closes the connection instead", async () => {
    const { request, read } = chunkedRequest(0, 64 * 1024, { endless: true });
    const refusal = await readLimitedBody(request, 1024);
    expect(refusal).toEqual({ tooLarge: true, closeConnection: true });
    // The bound, plus what the stream pulls ahead of the reader.
    expect(read() * 64 * 1024).toBeLessThanOrEqual(DRAIN_MAX_BYTES + 4 * 64 * 1024);
    expect(tooLargeHeaders(refusal as never)).toEqual({ connection: "close" });
  });

  it("does not read a declared length far past the limit", async () => {
    const { request, read } = chunkedRequest(100, 1000);
    const declared = new Request(request, { headers: { "content-length": String(DRAIN_MAX_BYTES * 2) } });
    expect(await readLimitedBody(declared, 1000)).toEqual({ tooLarge: true, closeConnection: true });
    expect(read()).toBeLessThan(10);
  });
});
