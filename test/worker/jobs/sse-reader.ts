/** One parsed SSE frame: an event (id, event, data) or a comment line such as a heartbeat. */
export type SseFrame =
  | { kind: "event"; id: number; event: string; data: string }
  | { kind: "comment"; text: string }
  | { kind: "retry"; ms: number };

/** Reads an SSE response frame by frame, so tests can assert exact order. */
export function sseFrames(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const pending: SseFrame[] = [];
  let ended = false;

  function parse(block: string): SseFrame {
    if (block.startsWith(":")) return { kind: "comment", text: block.slice(1).trim() };
    if (block.startsWith("retry:")) return { kind: "retry", ms: Number(block.slice(6).trim()) };
    const fields = new Map<string, string>();
    for (const line of block.split("\n")) {
      const at = line.indexOf(":");
      fields.set(line.slice(0, at), line.slice(at + 1).trimStart());
    }
    return {
      kind: "event",
      id: Number(fields.get("id")),
      event: fields.get("event") ?? "",
      data: fields.get("data") ?? "",
    };
  }

  return {
    /** The next frame, or null once the server ended the stream. */
    async next(): Promise<SseFrame | null> {
      while (pending.length === 0 && !ended) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          pending.push(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
      }
      return pending.shift() ?? null;
    },
    /** Every remaining event frame until the stream ends (comments skipped). */
    async rest(): Promise<Extract<SseFrame, { kind: "event" }>[]> {
      const events: Extract<SseFrame, { kind: "event" }>[] = [];
      for (let frame = await this.next(); frame; frame = await this.next()) {
        if (frame.kind === "event") events.push(frame);
      }
      return events;
    },
    cancel: () => reader.cancel(),
  };
}
