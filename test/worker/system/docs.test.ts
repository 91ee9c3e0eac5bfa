import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const api = (path: string) => exports.default.fetch(new Request(`https://api.test${path}`));

/** Every src= and href= of a page. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((match) => match[1] ?? "");
}

describe("API viewers", () => {
  for (const page of ["/docs", "/redoc"]) {
    it(`${page} loads only same-origin scripts and styles, served with their content types`, async () => {
      const res = await api(page);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toMatch(/https?:\/\//);
      const refs = references(html);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref, `${page} references ${ref}`).toMatch(/^\/[^/]/);
        const asset = await api(ref);
        expect(asset.status, ref).toBe(200);
        const type = ref.endsWith(".css") ? "text/css" : "text/javascript";
        expect(asset.headers.get("content-type"), ref).toContain(type);
        // The real bundles, not an empty stand-in: each is hundreds of kilobytes.
        expect((await asset.text()).length, ref).toBeGreaterThan(100_000);
      }
    });
  }

  it("/docs points Swagger UI at /openapi.json and turns off the remote validator badge", async () => {
    const html = await (await api("/docs")).text();
    expect(html).toContain('url: "/openapi.json"');
    expect(html).toContain("validatorUrl: null");
  });
});
