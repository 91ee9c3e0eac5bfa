/**
 * The quiz benchmark's view of the model calls, from the fake's own records (when each request arrived and when it
 * was answered): which stage each call belongs to, the critical path of the stages, and their busy time.
 */
import { CallLedger } from "../../container/src/ai/quiz/structured-call";
import type { ReceivedRequest } from "../fake-openai/behaviours";

export interface Stage {
  name: string;
  calls: number;
  /** First arrival and last answer, in ms since the run started. */
  from: number;
  to: number;
  /** The longest single call of the stage. */
  longest: number;
}

export interface CallFigures {
  stages: Stage[];
  /** Sum over the dependent stages of each stage's longest call: the run's critical path. */
  criticalMs: number;
  /** Time during which at least one call was in flight (interval union). */
  busyMs: number;
  calls: number;
}

const schemaName = (r: ReceivedRequest) =>
  (r.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name;

/**
 * The run is a chain of dependent stages (round 1 generation, its verification, then maybe round 2 generation and
 * its verification): a stage starts only when the one before it has answered, and inside a stage every call is
 * independent. The critical path is therefore the sum of each stage's longest call, which counts parallel calls
 * once. This is used rather than the interval union of the calls: the union also counts calls that waited for
 * each other (queued behind the concurrency limit, or sent one after another), so a badly parallelised run
 * would have a long union and still look close to it; the chain is what the run could take if every stage's
 * calls ran side by side. Both are printed: union minus chain is time calls spent not overlapping.
 */
export function analyseCalls(chats: readonly ReceivedRequest[], startedAt: number): CallFigures {
  const generation = chats.filter((r) => schemaName(r) === "quiz_questions");
  const verification = chats.filter((r) => schemaName(r) === "quiz_answer");
  const roundOf = (r: ReceivedRequest) => Number(/Round: (\d+)/.exec(r.prompt ?? "")?.[1] ?? 1);
  const rounds = [...new Set(generation.map(roundOf))].sort((a, b) => a - b);
  const stageCalls: { name: string; calls: ReceivedRequest[] }[] = [];
  for (const round of rounds) {
    const generated = generation.filter((r) => roundOf(r) === round);
    const generatedBy = Math.max(...generated.map((r) => r.answered_at));
    const nextRound = generation.filter((r) => roundOf(r) > round).map((r) => r.received_at);
    const until = nextRound.length > 0 ? Math.min(...nextRound) : Number.POSITIVE_INFINITY;
    stageCalls.push({ name: `round ${round} generation`, calls: generated });
    const checks = verification.filter((r) => r.received_at >= generatedBy && r.received_at < until);
    if (checks.length > 0) stageCalls.push({ name: `round ${round} verification`, calls: checks });
  }
  const placed = stageCalls.reduce((sum, stage) => sum + stage.calls.length, 0);
  if (placed !== chats.length) throw new Error(`${chats.length - placed} model call(s) fit no stage of the run`);
  const stages = stageCalls.map(({ name, calls }) => ({
    name,
    calls: calls.length,
    from: Math.min(...calls.map((r) => r.received_at)) - startedAt,
    to: Math.max(...calls.map((r) => r.answered_at)) - startedAt,
    longest: Math.max(...calls.map((r) => r.answered_at - r.received_at)),
  }));
  // The service's own ledger computes the union; here it is fed the fake's times, not the service's.
  const ledger = new CallLedger();
  ledger.spans.push(...chats.map((r) => ({ start: r.received_at, end: r.answered_at })));
  return {
    stages,
    criticalMs: stages.reduce((sum, s) => sum + s.longest, 0),
    busyMs: ledger.busyMs(),
    calls: chats.length,
  };
}
