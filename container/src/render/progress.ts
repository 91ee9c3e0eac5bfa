/**
 * Reads ffmpeg's `-progress pipe:1` output (blocks of key=value lines) and turns `out_time_us` into a
 * percentage of the known output length. `progress=end` is the only thing that reports 100.
 */
export class ProgressParser {
  private pending = "";

  constructor(
    private readonly durationSeconds: number,
    private readonly onPercent: (percent: number) => void,
  ) {}

  push(chunk: string): void {
    const lines = (this.pending + chunk).split("\n");
    this.pending = lines.pop() ?? "";
    for (const line of lines) this.line(line.trim());
  }

  private line(line: string): void {
    const separator = line.indexOf("=");
    if (separator < 0) return;
    const key = line.slice(0, separator);
    const value = line.slice(separator + 1);
    if (key === "progress" && value === "end") {
      this.onPercent(100);
      return;
    }
    // Before the first frame ffmpeg prints N/A (and may print negative times for pre-roll).
    if (key !== "out_time_us" || this.durationSeconds <= 0) return;
    const micros = Number(value);
    if (!Number.isFinite(micros) || micros < 0) return;
    // Encoding has finished only at progress=end (trailer, faststart move), so cap below 100 until then.
    this.onPercent(Math.min(99, (micros / 1e6 / this.durationSeconds) * 100));
  }
}
