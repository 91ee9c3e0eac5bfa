import type { Schemas } from "../api";
import { formatDuration } from "../format";

type Scene = Schemas["Scene"];

/** The scenes on a timeline as long as the video, under the player: each is a button that plays that scene. */
export function SceneTimeline({
  scenes,
  duration,
  current,
  onPlay,
}: {
  scenes: Scene[];
  duration: number;
  current: number;
  onPlay: (scene: Scene) => void;
}) {
  const percent = (seconds: number) => `${Math.min(100, Math.max(0, (seconds / duration) * 100))}%`;
  return (
    <section class="scenes" aria-labelledby="scenes-title">
      <h2 id="scenes-title">Scenes</h2>
      <div class="timeline">
        {scenes.map((scene) => (
          <button
            type="button"
            class={scene.start <= current && current < scene.end ? "scene current" : "scene"}
            style={{ left: percent(scene.start), width: percent(scene.end - scene.start) }}
            title={scene.title}
            aria-label={`Play scene ${scene.title}, ${formatDuration(scene.start)} to ${formatDuration(scene.end)}`}
            onClick={() => onPlay(scene)}
          >
            {scene.title}
          </button>
        ))}
        <div class="playhead" style={{ left: percent(current) }} aria-hidden="true" />
      </div>
      <ol class="scene-list">
        {scenes.map((scene) => (
          <li>
            <strong>{scene.title}</strong> {formatDuration(scene.start)}–{formatDuration(scene.end)}:{" "}
            {scene.description}
          </li>
        ))}
      </ol>
    </section>
  );
}
