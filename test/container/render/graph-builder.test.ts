import { describe, expect, it } from "vitest";
import { FfmpegError } from "../../../container/src/ffmpeg/run-ffmpeg";
import { buildRenderCommand } from "../../../container/src/render/command";
import { ProgressParser } from "../../../container/src/render/progress";
import { runRenderFfmpeg } from "../../../container/src/render/run-render-ffmpeg";
import { RenderSpecSchema } from "../../../container/src/render/spec";
import { collectCues } from "../../../container/src/render/subtitles";
import {
  type InputMedia,
  layoutTimeline,
  RenderSpecError,
  resolveTemplates,
} from "../../../container/src/render/timeline";
import { testBinaries } from "../../media/generate";

const video = (duration: number, hasAudio = true): InputMedia => ({
  path: `/w/${duration}.mp4`,
  duration,
  hasVideo: true,
  hasAudio,
  sar: 1,
});
const media: Record<string, InputMedia> = {
  source_0: video(10),
  source_1: video(10, false),
  music: { path: "/w/music.m4a", duration: 30, hasVideo: false, hasAudio: true, sar: 1 },
  watermark: { path: "/w/logo.png", duration: 0, hasVideo: true, hasAudio: false, sar: 1 },
};
const spec = (raw: Record<string, unknown>) => RenderSpecSchema.parse(raw);

describe("timeline layout", () => {
  it("places clips on the output timeline; only crossfades overlap", () => {
    const timeline = layoutTimeline(
      spec({
        clips: [
          { input: "source_0", in_point: 1, out_point: 4, transition: { type: "crossfade", duration: 1 } },
          { input: "source_1", in_point: 0, out_point: 2, transition: { type: "fade_to_white", duration: 1 } },
          { input: "source_0", in_point: 5 },
        ],
      }),
      media,
    );
    expect(timeline.clips.map((clip) => [clip.start, clip.duration])).toEqual([
      [0, 3],
      [2, 2],
      [4, 5],
    ]);
    expect(timeline.duration).toBe(9);
  });

  it("rejects transitions longer than the clips they join, and out points past the source", () => {
    const tooLong = spec({
      clips: [
        { input: "source_0", in_point: 0, out_point: 1, transition: { type: "crossfade", duration: 1.5 } },
        { input: "source_0", in_point: 0, out_point: 3 },
      ],
    });
    expect(() => layoutTimeline(tooLong, media)).toThrow(RenderSpecError);
    const pastEnd = spec({ clips: [{ input: "source_0", in_point: 0, out_point: 12 }] });
    expect(() => layoutTimeline(pastEnd, media)).toThrow(/beyond/);
  });

  it("defaults to one mp4 at the aspect ratio and resolution", () => {
    expect(
      resolveTemplates(spec({ clips: [{ input: "source_0" }], aspect_ratio: "9:16", resolution: "1080p" })),
    ).toEqual([{ name: "default", format: "mp4", width: 1080, height: 1920 }]);
  });

  it("refuses templates whose size does not match the aspect ratio", () => {
    const parsed = RenderSpecSchema.safeParse({
      clips: [{ input: "source_0" }],
      aspect_ratio: "16:9",
      templates: [
        { name: "a", width: 854, height: 480 },
        { name: "b", width: 720, height: 720 },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["templates.1.width"]);
  });
});

describe("subtitle cues", () => {
  it("keeps global cues and limits per-clip cues to the clip's time on screen", () => {
    const parsed = spec({
      clips: [
        { input: "source_0", in_point: 0, out_point: 2, subtitles: [{ start: 1.5, end: 3, text: "spills over" }] },
        { input: "source_0", in_point: 2, out_point: 4 },
      ],
      global_subtitles: [{ start: 3.5, end: 9, text: "past the end" }],
    });
    const cues = collectCues(parsed.global_subtitles, layoutTimeline(parsed, media));
    expect(cues).toEqual([
      { start: 1.5, end: 2, text: "spills over" },
      { start: 3.5, end: 4, text: "past the end" },
    ]);
  });
});

describe("render command", () => {
  const full = spec({
    clips: [
      { input: "source_0", in_point: 1, out_point: 3, transition: { type: "crossfade", duration: 0.5 } },
      { input: "source_1", in_point: 0, out_point: 2 },
    ],
    background_music: {
      input: "music",
      loop: true,
      offset: 4,
      ducking: { enabled: true, threshold: 0.1, ratio: 6, attack: 10, release: 300 },
    },
    default_watermark: { input: "watermark", position: "bottom-left", scale: 0.1, opacity: 0.5 },
  });
  const command = buildRenderCommand({
    spec: full,
    timeline: layoutTimeline(full, media),
    template: { name: "x", format: "mp4", width: 1280, height: 720, video_bitrate: "3M", audio_bitrate: 128_000 },
    media,
    subtitlesPath: "/w/subtitles.srt",
    outputPath: "/w/out.mp4",
    threads: 3,
  });

  it("seeks each clip input, loops music from its offset and honours FFMPEG_THREADS", () => {
    const args = command.args.join(" ");
    expect(args).toContain("-threads 3 -ss 1 -t 2 -i /w/10.mp4");
    expect(args).toContain("-threads 3 -stream_loop -1 -ss 4 -t 3.5 -i /w/music.m4a");
    expect(args).toContain("-filter_complex_threads 3");
    expect(args).toContain("-threads 3");
    expect(args).toContain("-b:v 3M");
    expect(args).toContain("-b:a 128000");
    expect(args).toContain("-progress pipe:1");
    expect(command.duration).toBe(3.5);
  });

  it("builds silence for soundless clips, the crossfade, ducking, subtitles and the watermark", () => {
    const graph = command.filterGraph;
    expect(graph).toContain("anullsrc=channel_layout=stereo:sample_rate=48000,atrim=duration=2");
    expect(graph).toContain("xfade=transition=fade:duration=0.5:offset=1.5");
    expect(graph).toContain("acrossfade=d=0.5");
    expect(graph).toContain("sidechaincompress=threshold=0.1:ratio=6:attack=10:release=300");
    expect(graph).toContain("subtitles=filename=/w/subtitles.srt");
    expect(graph).toContain("colorchannelmixer=aa=0.5");
    expect(graph).toContain("overlay=x=38:y=main_h-overlay_h-38");
  });
});

describe("progress parsing", () => {
  it("maps out_time_us onto the known duration and reports 100 only at the end", () => {
    const seen: number[] = [];
    const parser = new ProgressParser(4, (percent) => seen.push(percent));
    parser.push("frame=1\nout_time_us=N/A\nprogress=continue\nout_time_us=10000");
    parser.push("00\nprogress=continue\nout_time_us=4100000\nprogress=end\n");
    expect(seen).toEqual([25, 99, 100]);
  });
});

describe("render runner", () => {
  it("rejects with ffmpeg's own error line when ffmpeg fails", async () => {
    const bins = await testBinaries();
    const failing = runRenderFfmpeg(bins, ["-hide_banner", "-i", "/nonexistent/source.mp4", "-f", "null", "-"], {
      durationSeconds: 1,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    await expect(failing).rejects.toBeInstanceOf(FfmpegError);
    await expect(failing).rejects.toThrow(/No such file or directory/);
  });

  it("does not start ffmpeg when already aborted", async () => {
    const bins = await testBinaries();
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(
      runRenderFfmpeg(bins, ["-version"], { durationSeconds: 1, signal: controller.signal, onProgress: () => {} }),
    ).rejects.toThrow("cancelled");
  });
});
