const LEVELS = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  ERROR: 40,
  CRITICAL: 50,
} as const;
export type LogLevel = keyof typeof LEVELS;
export type LogFields = Record<string, unknown>;

/** Structured JSON log lines, one per call, filtered by LOG_LEVEL. Workers Logs indexes the fields. */
export class Logger {
  constructor(
    private readonly minLevel: LogLevel = "INFO",
    private readonly base: LogFields = {},
  ) {}

  child(fields: LogFields): Logger {
    return new Logger(this.minLevel, { ...this.base, ...fields });
  }

  debug(message: string, fields?: LogFields) {
    this.write("DEBUG", message, fields);
  }
  info(message: string, fields?: LogFields) {
    this.write("INFO", message, fields);
  }
  warn(message: string, fields?: LogFields) {
    this.write("WARNING", message, fields);
  }
  error(message: string, fields?: LogFields) {
    this.write("ERROR", message, fields);
  }

  private write(level: LogLevel, message: string, fields?: LogFields) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const line = JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      message,
      ...this.base,
      ...fields,
    });
    if (LEVELS[level] >= LEVELS.ERROR) console.error(line);
    else console.log(line);
  }
}
