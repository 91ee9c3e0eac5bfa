// The throughput ceiling for the upload benchmark: the request body goes straight into R2 with one put.
interface BarePutEnv {
  BUCKET: R2Bucket;
}

export default {
  async fetch(request: Request, env: BarePutEnv): Promise<Response> {
    if (!request.body) return new Response("send a body", { status: 400 });
    const path = new URL(request.url).pathname.slice(1);
    if (path.startsWith("formdata/")) {
      // For comparison only: what the runtime's own multipart parser costs in memory.
      const file = (await request.formData()).get("file");
      if (!file || typeof file === "string") return new Response("no file field", { status: 400 });
      const object = await env.BUCKET.put(path, file);
      return Response.json({ key: path, size: object?.size });
    }
    const object = await env.BUCKET.put(path || "bench-object", request.body);
    return Response.json({ key: path, size: object?.size });
  },
} satisfies ExportedHandler<BarePutEnv>;
