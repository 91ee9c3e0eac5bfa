/**
 * Standalone fake: `tsx test/fake-openai/main.ts --port 9799 [--latency-ms 2000] [--api-key sk-...] [--no-speech-analysis]`,
 * then run the media service with OPENAI_BASE_URL=http://127.0.0.1:9799/v1. Steer it over /__control/*.
 */
import { parseArgs } from "node:util";
import { startFakeOpenAI } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "9799" },
    "latency-ms": { type: "string", default: "0" },
    "api-key": { type: "string" },
    "no-speech-analysis": { type: "boolean", default: false },
  },
});

const fake = await startFakeOpenAI({ port: Number(values.port), apiKey: values["api-key"] });
fake.control.setLatency(Number(values["latency-ms"]));
fake.control.speechAnalysis = !values["no-speech-analysis"];
console.log(JSON.stringify({ event: "fake_openai_listening", url: fake.url }));

const shutdown = () => {
  fake.stop().finally(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
