import { describe, expect, it } from "vitest";
import { mintLearnerToken, verifyLearnerToken } from "../../../worker/auth/learner-token";
import { TokenError } from "../../../worker/auth/signed-token";

const SECRET = "learner-token-test-secret";
const claims = { projectId: "p1", quizId: "q1", assetId: "a1", learnerId: "learner-1" };
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) => (error instanceof TokenError ? error.reason : String(error)),
  );

// verifyLearnerToken keeps tokens it verified in isolate memory; these check what a kept token still goes through.
describe("learner tokens verified before", () => {
  it("expire on time, are refused under another secret, and do not vouch for an altered copy", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const nowSeconds = now.getTime() / 1000;
    const { token } = await mintLearnerToken(SECRET, claims, 60, now);
    expect(await verifyLearnerToken(SECRET, token, nowSeconds)).toEqual(claims);
    expect(await verifyLearnerToken(SECRET, token, nowSeconds + 59)).toEqual(claims);
    expect(await rejection(verifyLearnerToken(SECRET, token, nowSeconds + 60))).toBe("expired");
    expect(await rejection(verifyLearnerToken("another-secret", token, nowSeconds))).toBe("bad_signature");
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(await rejection(verifyLearnerToken(SECRET, altered, nowSeconds))).toBe("bad_signature");
    expect(await verifyLearnerToken(SECRET, token, nowSeconds + 30)).toEqual(claims);
  });
});
