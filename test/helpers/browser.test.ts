import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser, type TestBrowser } from "./browser.js";

// The browser helper itself: Chromium starts, pages on 127.0.0.1 load, console
// errors and outside requests are caught, axe-core runs.
describe("test browser", () => {
  let browser: TestBrowser;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (req.url === "/bad")
        return res.end(
          `<!doctype html><html lang="en"><title>bad</title><img src="http://192.0.2.1/x.png"><script>console.error("boom")</script>`,
        );
      res.end(
        `<!doctype html><html lang="en"><head><title>ok</title></head><body><main><h1>Hello</h1></main></body></html>`,
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  it("loads a loopback page with no errors and no axe violations", async () => {
    const { page, errors, refused } = await browser.newPage();
    await page.goto(`${base}/`);
    expect(await page.locator("h1").textContent()).toBe("Hello");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("catches console errors, refuses outside requests and reports violations", async () => {
    const { page, errors, refused } = await browser.newPage();
    await page.goto(`${base}/bad`);
    expect(errors).toContain("boom");
    expect(refused).toEqual(["http://192.0.2.1/x.png"]);
    expect((await axeViolations(page)).map((v) => v.id)).toContain("image-alt");
  });
});
