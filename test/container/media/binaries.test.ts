import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExecutable, resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { ResultEventSchema } from "../../../container/src/protocol/contract";
import { generateVideo } from "../../media/generate";
import { framedBody, postOp, startMediaService, terminalEvent } from "./media-service";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "binaries-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("ffmpeg resolution", () => {
  it("falls back to the npm-shipped builds when PATH has no ffmpeg", async () => {
    const bins = await resolveBinaries({ searchPath: path.join(dir, "empty-bin") });
    expect(bins.source).toBe("npm");
    expect(bins.ffmpeg).toMatch(/node_modules\/@ffmpeg-installer\/[^/]+\/ffmpeg$/);
    expect(bins.ffprobe).toMatch(/node_modules\/@ffprobe-installer\/[^/]+\/ffprobe$/);
    expect(bins.version).not.toBe("unknown");
  });

  it("prefers ffmpeg and ffprobe from PATH when both are there", async () => {
    const bin = path.join(dir, "bin");
    const fake = async (name: string) => {
      const file = path.join(bin, name);
      await writeFile(file, "#!/bin/sh\necho 'ffmpeg version 9.9-test Copyright'\n");
      await chmod(file, 0o755);
    };
    await mkdir(bin, { recursive: true });
    await fake("ffmpeg");
    await fake("ffprobe");
    const bins = await resolveBinaries({ searchPath: bin });
    expect(bins).toEqual({
      ffmpeg: path.join(bin, "ffmpeg"),
      ffprobe: path.join(bin, "ffprobe"),
      source: "path",
      version: "9.9-test",
      hasXfade: false,
    });
  });

  it("makes a shipped binary executable when the package's postinstall chmod did not run (npm 11)", async () => {
    const file = path.join(dir, "no-exec-bit");
    await writeFile(file, "#!/bin/sh\n");
    await chmod(file, 0o644);
    await ensureExecutable(file);
    expect((await stat(file)).mode & 0o111).toBe(0o111);
  });

  it("probes correctly through the npm-shipped builds (FFMPEG_SOURCE=npm)", async () => {
    const service = await startMediaService({ FFMPEG_SOURCE: "npm" });
    try {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { ffmpeg: { source: string } };
      expect(health.ffmpeg.source).toBe("npm");
      const video = await generateVideo(dir, "npm.mp4", { seconds: 3, width: 320, height: 240, rotation: 90 });
      const response = await postOp(service, "probe", await framedBody({}, { video }), { outDir: dir });
      const { data } = ResultEventSchema.parse(terminalEvent(response.events));
      expect(data).toMatchObject({
        probe: { width: 240, height: 320, rotation: 90, video_codec: "h264", audio_codec: "aac", container: "mp4" },
        thumbnail: { width: 640 },
      });
    } finally {
      await service.close();
    }
  });
});
