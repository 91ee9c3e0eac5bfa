import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** Drops a file on Studio's upload zone, as a drag and drop from the desktop would (a DataTransfer in the page). */
export async function dropFile(page: Page, file: string, name: string, type = "video/mp4"): Promise<void> {
  const base64 = readFileSync(file).toString("base64");
  // Made in the page: the tests are typed without the DOM library.
  const transfer = await page.evaluateHandle(
    `(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
      return transfer;
    })()`,
  );
  await page.getByTestId("dropzone").dispatchEvent("drop", { dataTransfer: transfer });
}
