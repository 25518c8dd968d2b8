// "Open in Personio ↗": the employee's page in a new tab, said so to screen readers. Texts come in
// as props, so a server component (the profile's Personio panel) renders it with its own
// translations, and the client's PersonioLink with the browser's.
export function PersonioLinkAnchor({
  href,
  label,
  newTab,
  className = "",
}: {
  href: string;
  label: string;
  newTab: string;
  className?: string;
}) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`inline-flex items-center gap-1 font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-900 ${className}`}
    >
      {label}
      <span aria-hidden="true">↗</span>
      <span className="sr-only">{newTab}</span>
    </a>
  );
}
