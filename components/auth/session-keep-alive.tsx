"use client";

import { useEffect } from "react";

import { SESSION_KEEP_ALIVE_SECONDS } from "@/lib/auth/session-lifetime";

// The idle lifetime counts from the last time the session cookie was renewed; asking
// /api/auth/session renews it. This asks on a click or key press, at most every few minutes, so
// a session ends after the idle lifetime without any use of Handoff, not while someone works.
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const renew = () => {
      if (Date.now() - last < SESSION_KEEP_ALIVE_SECONDS * 1000) return;
      last = Date.now();
      void fetch("/api/auth/session", { cache: "no-store" }).catch(() => undefined);
    };
    window.addEventListener("pointerdown", renew, { passive: true });
    window.addEventListener("keydown", renew, { passive: true });
    return () => {
      window.removeEventListener("pointerdown", renew);
      window.removeEventListener("keydown", renew);
    };
  }, []);
  return null;
}
