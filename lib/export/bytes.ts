import "server-only";

// Every export is written as an async sequence of pieces (strings or bytes) and sent as a byte
// stream that is pulled: the next piece is produced only when the response has room for it
// (Next waits for the socket's 'drain' before asking for more), so a slow download holds the
// reading of the club back instead of piling the club up in memory.

/** About how many bytes go out in one chunk: small pieces are gathered up to this. */
const chunkBytes = 64 * 1024;

const encoder = new TextEncoder();

/**
 * A pull-based byte stream over `pieces`. Pieces are gathered into chunks of about 64 KiB; the
 * source is read only as fast as the consumer pulls. An error while reading ends the stream with
 * that error (the download is cut short: the status line has already gone), and cancelling the
 * stream (the browser went away) stops the reading.
 */
export function byteStream(pieces: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const gathered: Uint8Array[] = [];
        let size = 0;
        while (size < chunkBytes) {
          const next = await iterator.next();
          if (next.done) {
            if (size > 0) controller.enqueue(join(gathered, size));
            controller.close();
            return;
          }
          const bytes = typeof next.value === "string" ? encoder.encode(next.value) : next.value;
          gathered.push(bytes);
          size += bytes.byteLength;
        }
        controller.enqueue(join(gathered, size));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One chunk waiting at most: the source is asked for more only once that one is taken.
    { highWaterMark: 1 },
  );
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
