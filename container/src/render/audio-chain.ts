import type { BackgroundMusic } from "./spec";
import type { TimelineClip } from "./timeline";
import { leaveShare, num } from "./video-chain";

/** Every audio stream is brought to this shape so concat, acrossfade and amix accept them together. */
export const AUDIO_FORMAT = "aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";

/** Whether a clip contributes its own sound (otherwise it gets silence of the same length). */
export function clipHasSound(item: TimelineClip): boolean {
  return item.clip.include_audio && item.media.hasAudio;
}

/**
 * One clip's audio, exactly as long as its video. Clips without sound get generated silence so that
 * concat and acrossfade always have an audio stream per clip.
 */
export function clipAudioChain(item: TimelineClip, inputIndex: number, output: string): string {
  const length = `atrim=duration=${num(item.duration)}`;
  if (!clipHasSound(item)) {
    return `anullsrc=channel_layout=stereo:sample_rate=48000,${length},${AUDIO_FORMAT}[${output}]`;
  }
  const filters = ["asetpts=PTS-STARTPTS", AUDIO_FORMAT, "apad", length];
  if (item.enter.type === "fade_to_black" || item.enter.type === "fade_to_white") {
    filters.push(`afade=t=in:st=0:d=${num(item.enter.duration / 2)}`);
  }
  if (item.leave.type === "fade_to_black" || item.leave.type === "fade_to_white") {
    const share = leaveShare(item);
    filters.push(`afade=t=out:st=${num(item.duration - share)}:d=${num(share)}`);
  }
  return `[${inputIndex}:a]${filters.join(",")}[${output}]`;
}

/** Background music trimmed (or padded) to the output length, with its volume and fades. */
export function musicChain(music: BackgroundMusic, inputIndex: number, duration: number, output: string): string {
  const filters = [AUDIO_FORMAT, `volume=${num(music.volume)}`, "apad", `atrim=duration=${num(duration)}`];
  if (music.fade_in > 0) filters.push(`afade=t=in:st=0:d=${num(Math.min(music.fade_in, duration))}`);
  if (music.fade_out > 0) {
    const fade = Math.min(music.fade_out, duration);
    filters.push(`afade=t=out:st=${num(duration - fade)}:d=${num(fade)}`);
  }
  return `[${inputIndex}:a]${filters.join(",")}[${output}]`;
}

/**
 * The plain sum of two stereo streams of the same length. Not `amix=normalize=0`: the npm-shipped 2018
 * FFmpeg has no `normalize` and its amix halves both inputs. Both inputs get an explicit layout, without which
 * FFmpeg 5 cannot negotiate amerge after sidechaincompress.
 */
function sumChains(first: string, second: string, output: string): string[] {
  return [
    `[${first}]aformat=channel_layouts=stereo[${output}_first]`,
    `[${second}]aformat=channel_layouts=stereo[${output}_second]`,
    `[${output}_first][${output}_second]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3[${output}]`,
  ];
}

/**
 * Mixes the clips' sound with the music. With ducking, the speech drives a sidechain compressor on the
 * music, so the music drops while someone talks and comes back in the pauses.
 */
export function mixChains(music: BackgroundMusic, speech: string, musicLabel: string, output: string): string[] {
  if (!music.ducking.enabled) return sumChains(speech, musicLabel, output);
  const { threshold, ratio, attack, release } = music.ducking;
  return [
    `[${speech}]asplit=2[speech_mix][speech_key]`,
    `[${musicLabel}][speech_key]sidechaincompress=threshold=${num(threshold)}:ratio=${num(ratio)}:attack=${num(attack)}:release=${num(release)}[music_ducked]`,
    ...sumChains("speech_mix", "music_ducked", output),
  ];
}
