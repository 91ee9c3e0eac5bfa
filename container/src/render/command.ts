import { clipAudioChain, clipHasSound, mixChains, musicChain } from "./audio-chain";
import { encodingArgs } from "./output-encoding";
import { watermarkChains } from "./overlays";
import type { RenderSpec, Template } from "./spec";
import { subtitlesFilter } from "./subtitles";
import type { InputMedia, Timeline } from "./timeline";
import { type CrossfadeMethod, joinClips } from "./transitions";
import { clipVideoChain, num } from "./video-chain";

export interface RenderCommandOptions {
  spec: RenderSpec;
  timeline: Timeline;
  template: Template;
  media: Record<string, InputMedia>;
  /** SRT file with the cues to burn in, when there are any. */
  subtitlesPath?: string;
  outputPath: string;
  /** FFMPEG_THREADS; 0 lets ffmpeg decide. */
  threads: number;
  /** How video crossfades are drawn; `blend` for FFmpeg builds without `xfade`. */
  crossfade?: CrossfadeMethod;
}

export interface RenderCommand {
  /** ffmpeg arguments (without the binary), including `-progress pipe:1`. */
  args: string[];
  /** Planned output length in seconds; progress is measured against it. */
  duration: number;
  hasAudio: boolean;
  filterGraph: string;
}

/**
 * One ffmpeg command for one template: an input per clip (seeked with -ss/-t so only the used part is
 * decoded), then music and watermark, a single filter graph, and the template's encoding.
 */
export function buildRenderCommand(options: RenderCommandOptions): RenderCommand {
  const { spec, timeline, template, media } = options;
  const frame = { width: template.width, height: template.height, fps: spec.fps, fit: spec.fit };
  const inputArgs: string[] = [];
  const chains: string[] = [];
  let inputCount = 0;
  // FFMPEG_THREADS also bounds each decoder; a timeline can have a dozen inputs.
  const decoderThreads = options.threads > 0 ? ["-threads", String(options.threads)] : [];
  const addInput = (path: string, before: string[] = []) => {
    inputArgs.push(...decoderThreads, ...before, "-i", path);
    return inputCount++;
  };

  const videoLabels: string[] = [];
  const audioLabels: string[] = [];
  const clipInputs: number[] = [];
  for (const item of timeline.clips) {
    const index = addInput(item.media.path, ["-ss", num(item.inPoint), "-t", num(item.duration)]);
    clipInputs.push(index);
    videoLabels.push(`v${item.index}`);
    audioLabels.push(`a${item.index}`);
    chains.push(clipVideoChain(item, index, frame, `v${item.index}`));
  }
  chains.push(...joinClips("video", videoLabels, timeline.clips, "video_joined", options.crossfade));

  let video = "video_joined";
  if (options.subtitlesPath) {
    chains.push(subtitlesFilter(options.subtitlesPath, frame.width, frame.height, video, "video_subtitled"));
    video = "video_subtitled";
  }
  if (spec.default_watermark) {
    const index = addInput(mediaPath(media, spec.default_watermark.input));
    chains.push(...watermarkChains(spec.default_watermark, index, frame.width, video, "video_marked"));
    video = "video_marked";
  }

  const music = spec.background_music;
  const anyClipSound = timeline.clips.some(clipHasSound);
  let audio: string | undefined;
  if (anyClipSound) {
    timeline.clips.forEach((item, i) => {
      chains.push(clipAudioChain(item, clipInputs[i] as number, `a${item.index}`));
    });
    chains.push(...joinClips("audio", audioLabels, timeline.clips, "speech"));
    audio = "speech";
  }
  if (music) {
    const loop = music.loop ? ["-stream_loop", "-1"] : [];
    // Input -t bounds an endlessly looped track; the filter trims to the exact length.
    const index = addInput(mediaPath(media, music.input), [
      ...loop,
      "-ss",
      num(music.offset),
      "-t",
      num(timeline.duration),
    ]);
    chains.push(musicChain(music, index, timeline.duration, "music"));
    if (audio) {
      chains.push(...mixChains(music, audio, "music", "audio_mixed"));
      audio = "audio_mixed";
    } else {
      audio = "music";
    }
  }

  const filterGraph = chains.join(";");
  const threads = options.threads > 0 ? ["-filter_complex_threads", String(options.threads)] : [];
  const args = [
    "-hide_banner",
    "-nostdin",
    "-nostats",
    "-loglevel",
    "error",
    "-y",
    ...threads,
    ...inputArgs,
    "-filter_complex",
    filterGraph,
    "-map",
    `[${video}]`,
    ...(audio ? ["-map", `[${audio}]`] : []),
    ...encodingArgs(template, audio !== undefined),
    ...(options.threads > 0 ? ["-threads", String(options.threads)] : []),
    "-t",
    num(timeline.duration),
    "-progress",
    "pipe:1",
    options.outputPath,
  ];
  return { args, duration: timeline.duration, hasAudio: audio !== undefined, filterGraph };
}

function mediaPath(media: Record<string, InputMedia>, name: string): string {
  const found = media[name];
  if (!found) throw new Error(`input "${name}" was not resolved`);
  return found.path;
}
