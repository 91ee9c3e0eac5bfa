import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetVideoContent } from "./content";
import { registerDeleteVideo } from "./delete";
import { registerGetVideo } from "./get";
import { registerListVideos } from "./list";
import { registerUploadVideo } from "./post";
import { registerGetVideoStoryboard } from "./storyboard";
import { registerGetVideoStoryboardSprite } from "./storyboard-sprite";
import { registerGetVideoThumbnail } from "./thumbnail";

export function registerVideoRoutes(app: OpenAPIHono<AppEnv>) {
  registerUploadVideo(app);
  registerListVideos(app);
  registerGetVideo(app);
  registerGetVideoContent(app);
  registerGetVideoThumbnail(app);
  registerGetVideoStoryboard(app);
  registerGetVideoStoryboardSprite(app);
  registerDeleteVideo(app);
}
