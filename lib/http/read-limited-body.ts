// A request body read up to a limit, so a client cannot make the server buffer more than the
// limit allows. A body over the limit is refused, and the connection must stay usable or be
// closed: an unread rest left on a kept-alive socket is parsed as the client's next request, or
// stalls it until the server's timeouts reset the socket. So the rest is read and thrown away
// (never kept) within a bound, and only past that bound does the refusal close the connection.

/** How much more than the limit is read and dropped before the connection is given up instead. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** How long the rest of a refused body may take to arrive before the connection is closed. */
export const DRAIN_MAX_MS = 5_000;

export type BodyTooLarge = { tooLarge: true; closeConnection: boolean };

export function isBodyTooLarge(read: Uint8Array | BodyTooLarge): read is BodyTooLarge {
  return "tooLarge" in read;
}

/** Headers for the 413: `Connection: close` when the rest of the body was not read. */
export function tooLargeHeaders(refusal: BodyTooLarge): Record<string, string> {
  return refusal.closeConnection ? { connection: "close" } : {};
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<boolean> {
  const deadline = Date.now() + DRAIN_MAX_MS;
  let drained = 0;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), remaining)));
    const next = await Promise.race([reader.read(), timedOut]).finally(() => clearTimeout(timer));
    if (next === "timeout") return false;
    if (next.done) return true;
    drained += next.value.byteLength;
    if (drained > maxBytes) return false;
  }
}

export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array | BodyTooLarge> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  const declaredTooLarge = Number.isFinite(declared) && declared > limit;
  if (declaredTooLarge && declared > limit + DRAIN_MAX_BYTES) {
    // Not worth reading: the refusal goes out at once and the connection ends with it.
    await request.body?.cancel().catch(() => undefined);
    return { tooLarge: true, closeConnection: true };
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  // A declared length within the limit gets one buffer the chunks are copied into as they arrive,
  // so a large upload is held once, not as its chunks and again as their concatenation.
  let whole = Number.isFinite(declared) && !declaredTooLarge ? Buffer.allocUnsafe(declared) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (declaredTooLarge || size > limit) {
      const drained = await drain(reader, DRAIN_MAX_BYTES);
      if (!drained) await reader.cancel().catch(() => undefined);
      return { tooLarge: true, closeConnection: !drained };
    }
    const { done, value } = await reader.read();
    if (done) break;
    if (whole && size + value.byteLength <= whole.length) whole.set(value, size);
    else {
      // More than was declared: the chunks are kept instead.
      if (whole) chunks.push(whole.subarray(0, size));
      whole = null;
      if (size + value.byteLength <= limit) chunks.push(value);
    }
    size += value.byteLength;
  }
  if (whole) return whole.subarray(0, size);
  return Buffer.concat(chunks);
}
