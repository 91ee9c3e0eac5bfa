/** One JSON line per call on stdout/stderr; the container runtime ships them to Workers Logs. */
export const logger = {
  info(message: string, fields: Record<string, unknown> = {}) {
    console.log(JSON.stringify({ timestamp: new Date().toISOString(), level: "INFO", message, ...fields }));
  },
  warn(message: string, fields: Record<string, unknown> = {}) {
    console.warn(JSON.stringify({ timestamp: new Date().toISOString(), level: "WARNING", message, ...fields }));
  },
  error(message: string, fields: Record<string, unknown> = {}) {
    console.error(JSON.stringify({ timestamp: new Date().toISOString(), level: "ERROR", message, ...fields }));
  },
};
