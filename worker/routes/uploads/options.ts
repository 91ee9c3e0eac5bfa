import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { TUS_CHECKSUM_ALGORITHMS, TUS_EXTENSIONS, TUS_VERSION, tusProtocol } from "./tus-protocol";

const route = defineRoute({
  method: "options",
  path: "/projects/{project_id}/uploads",
  operationId: "describeResumableUploads",
  summary: "tus discovery: protocol version, extensions and maximum size",
  description:
    "Needs no credentials. A CORS preflight (with Access-Control-Request-Method) is answered by the CORS policy instead.",
  tags: ["Uploads"],
  middleware: [tusProtocol],
  request: { params: ProjectParamsSchema },
  responses: {
    204: {
      description: "What this tus server supports",
      headers: {
        "Tus-Resumable": { schema: { type: "string" }, description: "1.0.0" },
        "Tus-Version": { schema: { type: "string" }, description: "1.0.0" },
        "Tus-Extension": { schema: { type: "string" }, description: TUS_EXTENSIONS },
        "Tus-Max-Size": { schema: { type: "integer" }, description: "RESUMABLE_UPLOAD_MAX_SIZE" },
        "Tus-Checksum-Algorithm": { schema: { type: "string" }, description: TUS_CHECKSUM_ALGORITHMS },
      },
    },
  },
});

export function registerDescribeUploads(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, (c) => {
    const { settings } = c.get("services");
    return c.body(null, 204, {
      "Tus-Version": TUS_VERSION,
      "Tus-Extension": TUS_EXTENSIONS,
      "Tus-Max-Size": String(settings.RESUMABLE_UPLOAD_MAX_SIZE),
      "Tus-Checksum-Algorithm": TUS_CHECKSUM_ALGORITHMS,
    });
  });
}
