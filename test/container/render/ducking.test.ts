import { describe, expect, it } from "vitest";
import { meanVolume, postRender, renderResult } from "./render-harness";
import { useRenderSuite } from "./render-media";

const suite = useRenderSuite("render-ducking");

const MUSIC_HZ = 3000;

/** Music under `source` (default: the speech clip, whose tone is on during 0-1 s and 2-3 s, silent in between). */
async function renderWithMusic(ducking: boolean, source = suite.media.speech): Promise<string> {
  const response = await postRender(
    suite.service,
    {
      clips: [{ input: "source_0", in_point: 0, out_point: 3 }],
      templates: [{ name: "mixed", format: "mp4", width: 320, height: 180 }],
      background_music: {
        input: "music",
        volume: 0.8,
        loop: true,
        ducking: { enabled: ducking, threshold: 0.02, ratio: 20, attack: 5, release: 150 },
      },
    },
    { source_0: source, music: suite.media.music },
  );
  renderResult(response);
  return response.files["mixed.mp4"] as string;
}

describe("background music ducking", () => {
  it("measurably lowers the music under speech and leaves it alone in the pauses", async () => {
    const ducked = await renderWithMusic(true);
    const plain = await renderWithMusic(false);
    // Band-pass around the music's tone so the speech tone does not count.
    const underSpeechDucked = await meanVolume(ducked, 0.3, 0.9, MUSIC_HZ);
    const underSpeechPlain = await meanVolume(plain, 0.3, 0.9, MUSIC_HZ);
    const pauseDucked = await meanVolume(ducked, 1.5, 1.95, MUSIC_HZ);
    const pausePlain = await meanVolume(plain, 1.5, 1.95, MUSIC_HZ);

    expect(underSpeechPlain).toBeGreaterThan(-40);
    expect(underSpeechPlain - underSpeechDucked).toBeGreaterThan(6);
    expect(Math.abs(pausePlain - pauseDucked)).toBeLessThan(3);
  });

  it("without ducking adds the music at its own volume: a plain sum, whichever FFmpeg build runs", async () => {
    const plain = await renderWithMusic(false);
    // A clip without sound: the output's audio is the music alone.
    const musicAlone = await renderWithMusic(false, suite.media.green);
    for (const [from, to] of [
      [0.3, 0.9],
      [1.5, 1.95],
    ] as const) {
      const alone = await meanVolume(musicAlone, from, to, MUSIC_HZ);
      expect(alone).toBeGreaterThan(-40);
      expect(Math.abs((await meanVolume(plain, from, to, MUSIC_HZ)) - alone)).toBeLessThan(1);
    }
  });
});
