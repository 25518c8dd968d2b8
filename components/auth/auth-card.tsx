import type { ReactNode } from "react";

// The small centred card of the pages a person sees before they are signed in.
export function AuthCard({ appName, title, children }: { appName: string; title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-indigo-700">{appName}</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
