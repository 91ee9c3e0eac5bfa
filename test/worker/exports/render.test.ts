import { describe, expect, it } from "vitest";
import { AssetListSchema, AssetSchema } from "../../../worker/routes/assets/schema";
import { uniqueProjectId } from "../helpers/project-key";
import {
  ADMIN,
  api,
  downloadAndProbe,
  outputsOf,
  r2Keys,
  runExport,
  seedAsset,
  seedSceneRun,
  seedTranscript,
} from "./export-kit";

// Renders take seconds each on a shared 2-core machine.
const SLOW = 120_000;

describe("export job: rendering through the media service", () => {
  it(
    "renders a cut-only timeline of 3 clips into one downloadable, probed export",
    async () => {
      const projectId = uniqueProjectId("exr");
      const [red, green, blue] = await Promise.all(
        (["clip-red.mp4", "clip-green.mp4", "clip-blue.mp4"] as const).map((f) => seedAsset(projectId, f)),
      );
      const job = await runExport(projectId, {
        timeline: {
          resolution: "540p",
          clips: [
            { asset_id: red!.id, in_point: 0, out_point: 1.5, include_audio: true },
            { asset_id: green!.id, in_point: 0.5, out_point: 2, include_audio: true },
            { asset_id: blue!.id, in_point: 0.2, out_point: 1.2, include_audio: true },
          ],
        },
      });
      expect(job.status, job.error_message ?? "").toBe("completed");
      const [output, ...rest] = outputsOf(job);
      expect(rest).toEqual([]);
      expect(output).toMatchObject({ template: "default", format: "mp4", width: 960, height: 540 });
      expect(output!.download_path).toBe(`/projects/${projectId}/exports/${output!.asset_id}/content`);

      const { bytes, probe } = await downloadAndProbe(output!.download_path);
      expect(Math.abs(probe.duration - 4.0)).toBeLessThanOrEqual(0.1);
      expect([probe.width, probe.height, probe.has_audio]).toEqual([960, 540, true]);
      expect(bytes.length).toBe(output!.size_bytes);

      const ranged = await api(output!.download_path, { headers: { ...ADMIN, Range: "bytes=100-199" } });
      expect(ranged.status).toBe(206);
      expect(ranged.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
      expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(bytes.slice(100, 200));

      const list = AssetListSchema.parse(
        await (await api(`/projects/${projectId}/exports`, { headers: ADMIN })).json(),
      );
      expect(list.items).toHaveLength(1);
      const asset = AssetSchema.parse(list.items[0]);
      expect(asset).toMatchObject({ asset_id: output!.asset_id, category: "export", status: "ready" });
      expect(asset.source_asset_ids).toEqual([red!.id, green!.id, blue!.id]);
      expect(asset.metadata).toMatchObject({ width: 960, height: 540, template: "default", format: "mp4" });
      expect(Math.abs((asset.duration_seconds ?? 0) - 4.0)).toBeLessThanOrEqual(0.1);
      expect(asset.links.thumbnail).toBe(`/projects/${projectId}/exports/${asset.asset_id}/thumbnail`);
      const poster = await api(asset.links.thumbnail!, { headers: ADMIN });
      expect(poster.status).toBe(200);
      expect(poster.headers.get("content-type")).toBe("image/jpeg");
      expect(await r2Keys(projectId, "exports")).toHaveLength(1);

      const deleted = await api(`/projects/${projectId}/exports/${asset.asset_id}`, {
        method: "DELETE",
        headers: ADMIN,
      });
      expect(deleted.status).toBe(204);
      expect(await r2Keys(projectId, "exports")).toEqual([]);
      expect(await r2Keys(projectId, "thumbnails")).toEqual([]);
    },
    SLOW,
  );

  it(
    "subtracts each crossfade from the length and burns re-mapped subtitles",
    async () => {
      const projectId = uniqueProjectId("exr");
      const [red, green] = await Promise.all([
        seedAsset(projectId, "clip-red.mp4"),
        seedAsset(projectId, "clip-green.mp4"),
      ]);
      await seedTranscript(projectId, red!.id, [{ start: 0.2, end: 1.8, text: "Hello class" }]);
      const crossfade = { type: "crossfade", duration: 0.5 };
      const job = await runExport(projectId, {
        timeline: {
          resolution: "540p",
          global_subtitles: true,
          generate_thumbnails: false,
          clips: [
            { asset_id: red!.id, in_point: 0, out_point: 2, transition: crossfade },
            { asset_id: green!.id, in_point: 0, out_point: 2, transition: crossfade },
            { asset_id: red!.id, in_point: 0, out_point: 2, transition: { type: "fade_to_black", duration: 0.4 } },
          ],
        },
      });
      expect(job.status, job.error_message ?? "").toBe("completed");
      const [output] = outputsOf(job);
      expect(output!.thumbnail_path).toBeNull();
      const { probe } = await downloadAndProbe(output!.download_path);
      // 3 x 2 s, minus two 0.5 s crossfades; the fade to black keeps the length.
      expect(Math.abs(probe.duration - 5.0)).toBeLessThanOrEqual(0.1);
      // The red transcript line lands twice: 0.2-1.75 (cut at the middle of the first crossfade) and 3.25-4.8.
      const plan = job.logs.find((entry) => entry.message === "Render planned");
      expect(plan?.details).toMatchObject({ clips: 3, duration: 5, subtitle_cues: 2 });
    },
    SLOW,
  );

  it(
    "renders every template at its size, including 9:16 from a 16:9 source",
    async () => {
      const projectId = uniqueProjectId("exr");
      const red = await seedAsset(projectId, "clip-red.mp4");
      const job = await runExport(projectId, {
        timeline: {
          aspect_ratio: "9:16",
          fit: "cover",
          clips: [{ asset_id: red.id, in_point: 0, out_point: 1 }],
          export_templates: [
            { name: "shorts", format: "mp4", width: 360, height: 640, video_bitrate: "800k", audio_bitrate: "96k" },
            { name: "web", format: "webm", width: 180, height: 320 },
          ],
        },
      });
      expect(job.status, job.error_message ?? "").toBe("completed");
      const outputs = outputsOf(job);
      expect(outputs.map((o) => [o.template, o.format, o.width, o.height])).toEqual([
        ["shorts", "mp4", 360, 640],
        ["web", "webm", 180, 320],
      ]);
      for (const output of outputs) {
        const { probe } = await downloadAndProbe(output.download_path);
        expect([probe.width, probe.height]).toEqual([output.width, output.height]);
        expect(Math.abs(probe.duration - 1)).toBeLessThanOrEqual(0.1);
      }
      expect(await r2Keys(projectId, "exports")).toHaveLength(2);
    },
    SLOW,
  );

  it(
    "accepts background music and a watermark; the output has sound from the music alone",
    async () => {
      const projectId = uniqueProjectId("exr");
      const [red, music, logo] = await Promise.all([
        seedAsset(projectId, "clip-red.mp4"),
        seedAsset(projectId, "audio-only.m4a"),
        seedAsset(projectId, "watermark.png"),
      ]);
      const job = await runExport(projectId, {
        timeline: {
          resolution: "540p",
          clips: [
            { asset_id: red!.id, in_point: 0, out_point: 2, include_audio: false },
            { asset_id: red!.id, in_point: 0, out_point: 1.5, include_audio: false },
          ],
          background_music: {
            asset_id: music!.id,
            volume: 0.8,
            loop: true,
            fade_in: 0.2,
            fade_out: 0.5,
            ducking: { enabled: true, threshold: -30, ratio: 6, attack: 10, release: 200 },
          },
          default_watermark: { asset_id: logo!.id, position: "top-left", scale: 0.2, opacity: 0.8 },
        },
      });
      expect(job.status, job.error_message ?? "").toBe("completed");
      const [output] = outputsOf(job);
      const { probe } = await downloadAndProbe(output!.download_path);
      expect(probe.has_audio).toBe(true);
      expect(Math.abs(probe.duration - 3.5)).toBeLessThanOrEqual(0.1);
      expect((job.result as { source_asset_ids: string[] }).source_asset_ids).toEqual([red!.id, music!.id, logo!.id]);
    },
    SLOW,
  );

  it(
    "builds one clip per scene of the latest scene run with from_scenes",
    async () => {
      const projectId = uniqueProjectId("exr");
      const red = await seedAsset(projectId, "clip-red.mp4");
      await seedSceneRun(projectId, red.id, [{ start: 0, end: 2 }], { generatedAt: "2026-01-01T00:00:00.000Z" });
      const scenes = [
        { start: 1.5, end: 2 },
        { start: 0, end: 0.5 },
        { start: 0.7, end: 1.3 },
      ];
      const runId = await seedSceneRun(projectId, red.id, scenes);
      const job = await runExport(projectId, { asset_id: red.id, from_scenes: true, resolution: "540p" });
      expect(job.status, job.error_message ?? "").toBe("completed");
      const result = job.result as { clips: number; scene_run_id: string; duration: number };
      expect(result.clips).toBe(3);
      expect(result.scene_run_id).toBe(runId);
      const { probe } = await downloadAndProbe(outputsOf(job)[0]!.download_path);
      expect(Math.abs(probe.duration - 1.6)).toBeLessThanOrEqual(0.1);
    },
    SLOW,
  );
});
