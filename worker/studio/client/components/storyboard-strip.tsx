import { useState } from "hono/jsx/dom";
import type { Schemas } from "../api";
import { formatDuration } from "../format";
import { withAccessToken } from "../stream-token";

type Storyboard = Schemas["Storyboard"];

/**
 * The storyboard as a strip of frames: moving the pointer (or focus) along it scrubs a larger preview, a click
 * seeks the player there. The sprite is one image, read with the stream token; each frame shows its tile of it.
 */
export function StoryboardStrip({
  storyboard,
  token,
  current,
  onSeek,
}: {
  storyboard: Storyboard;
  token: string;
  current: number;
  onSeek: (seconds: number) => void;
}) {
  const [hovered, setHovered] = useState<number | null>(null);
  const sprite = `url("${withAccessToken(storyboard.sprite, token)}")`;
  const tiles = storyboard.tiles;
  // The tile on screen at the playhead: the last one that starts at or before it.
  const playing = tiles.reduce((found, tile, index) => (tile.start <= current ? index : found), 0);
  const preview = tiles[hovered ?? playing];

  const tileStyle = (tile: { x: number; y: number }) => ({
    "background-image": sprite,
    "background-position": `-${tile.x}px -${tile.y}px`,
    width: `${storyboard.tile_width}px`,
    height: `${storyboard.tile_height}px`,
  });

  return (
    <section class="storyboard" aria-labelledby="storyboard-title">
      <h2 id="storyboard-title">Storyboard</h2>
      {preview && (
        <figure class="storyboard-preview">
          <div
            class="tile"
            style={tileStyle(preview)}
            role="img"
            aria-label={`Frame at ${formatDuration(preview.start)}`}
          />
          <figcaption>{formatDuration(preview.start)}</figcaption>
        </figure>
      )}
      <ol class="strip" onPointerLeave={() => setHovered(null)}>
        {tiles.map((tile, index) => (
          <li>
            <button
              type="button"
              class={index === playing ? "tile current" : "tile"}
              style={tileStyle(tile)}
              aria-label={`Seek to ${formatDuration(tile.start)}`}
              onPointerEnter={() => setHovered(index)}
              onFocus={() => setHovered(index)}
              onBlur={() => setHovered(null)}
              onClick={() => onSeek(tile.start)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
