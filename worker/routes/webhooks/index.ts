import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCreateWebhook } from "./create";
import { registerDeleteWebhook } from "./delete";
import { registerListWebhookDeliveries } from "./deliveries";
import { registerGetWebhook } from "./get";
import { registerListWebhooks } from "./list";
import { registerReplayWebhookDeliveries } from "./replay";
import { registerRetryWebhookDelivery } from "./retry-delivery";
import { registerRotateWebhookSecret } from "./rotate-secret";
import { registerTestWebhook } from "./test";
import { registerUpdateWebhook } from "./update";

export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateWebhook(app);
  registerListWebhooks(app);
  registerGetWebhook(app);
  registerUpdateWebhook(app);
  registerDeleteWebhook(app);
  registerRotateWebhookSecret(app);
  registerTestWebhook(app);
  registerListWebhookDeliveries(app);
  registerRetryWebhookDelivery(app);
  registerReplayWebhookDeliveries(app);
}
