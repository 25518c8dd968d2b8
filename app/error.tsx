"use client";

// Errors in pages outside the signed-in layout (sign-in, setup, set-password).
export { PageError as default } from "@/components/errors/page-error";
