/** Transcripts for quiz tests: distinct sentences, so every segment can carry its own question. */

export const LESSON_LINES = [
  "Plants make their own food through photosynthesis.",
  "Photosynthesis needs sunlight, water and carbon dioxide.",
  "The green pigment chlorophyll captures the light energy.",
  "Water travels from the roots up through the stem.",
  "Carbon dioxide enters the leaves through tiny pores called stomata.",
  "The leaves release oxygen into the surrounding air.",
  "Glucose is the sugar that stores the captured energy.",
  "Animals depend on plants for food and for oxygen.",
  "Respiration releases the energy stored in glucose.",
  "Without sunlight the process slows down and then stops.",
  "Farmers use greenhouses to give crops more warmth.",
  "Deserts hold plants with thick waxy leaves.",
  "Cactus spines are leaves that have changed shape.",
  "Seaweed performs photosynthesis under shallow water.",
  "Autumn leaves lose chlorophyll and turn yellow.",
  "Scientists measure oxygen bubbles to compare light levels.",
  "Temperature changes how quickly enzymes inside leaves work.",
  "Rainforests produce a large share of the planet's oxygen.",
  "Fertiliser gives crops the minerals they cannot make.",
  "Tomorrow we will test leaves for starch with iodine.",
];

export interface Segment {
  index: number;
  start: number;
  end: number;
  duration: number;
  text: string;
}

/** The first `count` lesson lines as 5 s segments (speech for 4.5 s of each). */
export function lessonSegments(count = LESSON_LINES.length, step = 5): Segment[] {
  return LESSON_LINES.slice(0, count).map((text, i) => segment(i, i * step, step * 0.9, text));
}

const segment = (index: number, start: number, length: number, text: string): Segment => ({
  index,
  start,
  end: start + length,
  duration: length,
  text,
});

const ADJECTIVES =
  "bright quiet narrow heavy gentle frozen hollow curious ancient silver rapid fragile crimson humble distant".split(
    " ",
  );
const NOUNS =
  "river engine planet forest crystal harbour volcano glacier tunnel meadow comet lantern bridge canyon island".split(
    " ",
  );
const VERBS = "shapes warms follows carries measures protects divides reflects balances absorbs".split(" ");
const PLACES = "valley coast desert mountain orchard village lagoon plateau".split(" ");

/**
 * A long generated lecture (no audio needed): one distinct sentence every `step` seconds, words drawn with a
 * fixed seed so two sentences rarely share more than a word or two.
 */
export function lectureSegments(minutes: number, step = 5): Segment[] {
  let state = 0x2545f491;
  const next = (list: readonly string[]) => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return list[state % list.length]!;
  };
  return Array.from({ length: Math.floor((minutes * 60) / step) }, (_, i) =>
    segment(
      i,
      i * step,
      step * 0.9,
      `In part ${i + 1} the ${next(ADJECTIVES)} ${next(NOUNS)} ${next(VERBS)} the ${next(ADJECTIVES)} ${next(NOUNS)} near the ${next(PLACES)}.`,
    ),
  );
}
