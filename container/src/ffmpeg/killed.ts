/**
 * An ffmpeg or ffprobe process that died of a signal the service did not send. Ctrl-C in a terminal (and a
 * stop that signals the whole process group) reaches the service's children too, often before the service's
 * own handler has run, so the child's death says nothing about the media. The op ends ABORTED, retryable,
 * instead of blaming the file.
 */
export class ProcessKilledError extends Error {
  override name = "ProcessKilledError";
  constructor(
    readonly tool: string,
    readonly killSignal: string,
  ) {
    super(`${tool} was stopped by ${killSignal}`);
  }
}
