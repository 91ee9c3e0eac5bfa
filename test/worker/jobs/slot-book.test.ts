import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { SlotBook } from "../../../worker/jobs/slot-book";

/** The scheduler's book on a Durable Object's SQLite of its own (not the deployment's scheduler). */
const withBook = <T>(run: (book: SlotBook) => T) =>
  runInDurableObject(env.JOB_SCHEDULER.get(env.JOB_SCHEDULER.newUniqueId()), (_object, state) =>
    run(new SlotBook(state.storage.sql)),
  );

describe("SlotBook", () => {
  it("under a 500-job backlog, a small project's first job waits a few grants at most, never behind the backlog", async () => {
    const result = await withBook((book) => {
      const limit = 4;
      let now = 0;
      const queuedAt = new Map<string, { project: string; grant: number }>();
      let grants = 0;
      for (let i = 0; i < 500; i++) book.enqueue(`big-${i}`, "big", 0, now);
      for (let i = 0; i < 500; i++) queuedAt.set(`big-${i}`, { project: "big", grant: 0 });
      const waits: number[] = [];
      const held: string[] = [];
      const perProject = new Map<string, number>();
      let smallLeft = 49;
      // Each tick: one small project (1-5 jobs) arrives, the oldest run ends, free slots are granted.
      while (held.length > 0 || book.counts().ready > 0 || smallLeft > 0) {
        now += 1;
        if (smallLeft > 0) {
          const project = `small-${smallLeft--}`;
          for (let j = 0; j < 1 + (smallLeft % 5); j++) {
            book.enqueue(`${project}-${j}`, project, 0, now);
            queuedAt.set(`${project}-${j}`, { project, grant: grants });
          }
        }
        const ended = held.shift();
        if (ended) book.release(ended, null);
        for (let slot = book.take(limit, now); slot; slot = book.take(limit, now)) {
          grants += 1;
          held.push(slot.job_id);
          const queued = queuedAt.get(slot.job_id);
          perProject.set(slot.project_id, (perProject.get(slot.project_id) ?? 0) + 1);
          // Grants to other jobs between its queueing and its own grant, for the small projects' first jobs.
          if (queued && queued.project !== "big" && slot.job_id.endsWith("-0")) waits.push(grants - 1 - queued.grant);
          if (book.counts().running > limit) throw new Error("over the limit");
        }
      }
      return { waits, perProject: [...perProject.values()], counts: book.counts(), grants };
    });
    expect(result.grants).toBe(500 + result.perProject.slice(1).reduce((a, b) => a + b, 0));
    expect(result.counts).toEqual({ running: 0, ready: 0, peak: 4 });
    // A project's first job waits behind at most the other projects' turns then waiting, never behind the backlog.
    expect(Math.max(...result.waits)).toBeLessThanOrEqual(5);
  });

  it("keeps a job in one place: a repeated enqueue is ignored, a newer attempt's slot is kept", async () => {
    await withBook((book) => {
      expect(book.enqueue("j", "p", 0, 1)).toBe(true);
      expect(book.enqueue("j", "p", 0, 2)).toBe(false);
      expect(book.take(1, 3)?.job_id).toBe("j");
      // Asked again while the grant's start call is under way, or after attempt 1 began: ignored.
      expect(book.enqueue("j", "p", 0, 4)).toBe(false);
      book.started("j", 1);
      expect(book.enqueue("j", "p", 0, 5)).toBe(false);
      // Asked after attempt 1 ended (the job saw 1 attempt made): the slot is given back and the job waits again.
      expect(book.enqueue("j", "p", 1, 6)).toBe(true);
      expect(book.counts()).toMatchObject({ running: 0, ready: 1 });
      expect(book.take(1, 7)?.job_id).toBe("j");
      book.started("j", 2);
      // A late release of an older attempt leaves the new one's slot alone.
      expect(book.release("j", 1)).toBe(false);
      expect(book.release("j", 2)).toBe(true);
      expect(book.take(1, 8)).toBeNull();
    });
  });

  it("names the least busy media instance in each grant, never a busy one while another idles", async () => {
    await withBook((book) => {
      for (let i = 0; i < 8; i++) book.enqueue(`j${i}`, `p${i % 2}`, 0, i);
      const first = [1, 2, 3, 4].map(() => book.take(8, 10, 3));
      expect(first.map((slot) => slot?.instance)).toEqual([0, 1, 2, 0]);
      expect(book.load(3)).toEqual([2, 1, 1]);
      // The run on instance 1 ends: instance 1 is the idle one, and gets the next run.
      book.release(first[1]?.job_id as string, null);
      expect(book.take(8, 11, 3)?.instance).toBe(1);
      // Both runs on instance 0 end: it takes the next run, then the lowest of the tied instances does.
      book.release(first[0]?.job_id as string, null);
      book.release(first[3]?.job_id as string, null);
      expect(book.load(3)).toEqual([0, 1, 1]);
      expect(book.take(8, 12, 3)?.instance).toBe(0);
      expect(book.take(8, 13, 3)?.instance).toBe(0);
      expect(book.load(3)).toEqual([2, 1, 1]);
      // One instance: every run uses it.
      expect(book.take(8, 14, 1)?.instance).toBe(0);
    });
  });

  it("grants a retry another media instance than the one its last attempt found dead, unless there is no other", async () => {
    await withBook((book) => {
      book.enqueue("j", "p", 0, 1);
      expect(book.take(4, 2, 2)?.instance).toBe(0);
      book.started("j", 1);
      // Attempt 1's instance died: the retry asks while both instances idle, and instance 0 would win the tie.
      expect(book.enqueue("j", "p", 1, 3, 0)).toBe(true);
      expect(book.load(2)).toEqual([0, 0]);
      expect(book.take(4, 4, 2)).toMatchObject({ job_id: "j", instance: 1 });
      book.started("j", 2);
      // Three instances; attempt 2 (on 1) died too. Instance 1 is now the idle one, and is still skipped.
      for (const id of ["a", "b", "c"]) book.enqueue(id, "q", 0, 5);
      expect([1, 2, 3].map(() => book.take(8, 6, 3)?.instance)).toEqual([0, 2, 0]);
      book.release("j", 2);
      book.enqueue("j", "p", 2, 7, 1);
      expect(book.load(3)).toEqual([2, 0, 1]);
      expect(book.take(8, 8, 3)).toMatchObject({ job_id: "j", instance: 2 });
      book.started("j", 3);
      // The avoidance is that retry's only: a later grant of the job is the least busy one again.
      book.enqueue("j", "p", 3, 9);
      expect(book.load(3)).toEqual([2, 0, 1]);
      expect(book.take(8, 10, 3)?.instance).toBe(1);
      // One instance: the retry goes back to it (it may have been restarted).
      const single = "s";
      book.enqueue(single, "r", 1, 11, 0);
      expect(book.take(8, 12, 1)).toMatchObject({ job_id: single, instance: 0 });
    });
  });
});
