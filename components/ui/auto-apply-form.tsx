"use client";

import type { ComponentProps } from "react";

// A filter form that applies a chosen option at once where its Apply button is not shown (phones:
// one tap less, and no button to find below the fold). Where Apply shows, it stays the one way
// to apply, so a desktop user can change several filters first. Without script the form still
// submits by Enter in its search field.
export function AutoApplyForm(props: ComponentProps<"form">) {
  return (
    <form
      {...props}
      onChange={(event) => {
        const form = event.currentTarget;
        if (!(event.target instanceof HTMLSelectElement)) return;
        const apply = form.querySelector<HTMLElement>("[data-apply]");
        if (!apply || !apply.checkVisibility()) form.requestSubmit();
      }}
    />
  );
}
