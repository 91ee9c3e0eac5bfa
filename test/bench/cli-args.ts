/** `--name <number>` from the command line (`npm run bench:x -- --name 5`), or `fallback` when it is absent. */
export const numberArg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
