// Files imported as text through wrangler.toml's [[rules]] (type "Text"): the default export is the file's content.
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const text: string;
  export default text;
}
declare module "swagger-ui-dist/swagger-ui.css" {
  const text: string;
  export default text;
}
declare module "redoc/bundles/redoc.standalone.js" {
  const text: string;
  export default text;
}
// Studio's browser bundle, built by worker/studio/build.ts before the Worker is bundled, and its stylesheet.
declare module "*/studio-bundle.txt" {
  const text: string;
  export default text;
}
declare module "*/studio.css" {
  const text: string;
  export default text;
}
