import { describe, expect, it, vi } from "vitest";

// Next.js loads a module once per bundle (instrumentation, route handlers, actions) and again on
// every reload in development: the metrics must be registered once per process all the same.
describe("the metrics registry", () => {
  it("is one per process, however often its module is loaded", async () => {
    const first = await import("./registry");
    vi.resetModules();
    const second = await import("./registry");
    expect(second.metrics).toBe(first.metrics);
    first.metrics.sends.inc({ outcome: "sent" });
    const text = await second.metrics.registry.metrics();
    expect(text).toMatch(/^handoff_sends_total\{outcome="sent"\} [1-9]/m);
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("counts background jobs only once something tells it how", async () => {
    const { metrics, setBackgroundJobCounter } = await import("./registry");
    expect(await metrics.registry.metrics()).not.toMatch(/^handoff_background_jobs\{/m);
    setBackgroundJobCounter(async () => ({ waiting: 4, failed: 1 }));
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^handoff_background_jobs\{state="waiting"\} 4$/m);
    expect(text).toMatch(/^handoff_background_jobs\{state="failed"\} 1$/m);
  });
});
