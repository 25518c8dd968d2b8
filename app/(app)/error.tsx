"use client";

// Inside the signed-in layout: the header and navigation stay, the page area shows the error.
export { PageError as default } from "@/components/errors/page-error";
